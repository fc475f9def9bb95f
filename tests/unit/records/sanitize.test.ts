/** Message bodies are untrusted: what survives sanitising, and what never does. */
import { describe, expect, it } from "vitest";
import { sanitizeBody } from "@/lib/records/sanitize";

describe("sanitizeBody", () => {
  it("keeps formatting, lists, quotes and code", () => {
    const html = "<p>Hi <b>there</b>, <em>see</em>:</p><ul><li>one</li></ul><blockquote>quoted</blockquote><pre><code>x = 1</code></pre>";
    expect(sanitizeBody(html)).toBe(html);
  });

  it("removes scripts, event handlers and styles", () => {
    const out = sanitizeBody(
      '<p onclick="steal()" style="color:red">Hi</p><script>window.__xss=2</script><img src="https://cdn.example/a.png" onerror="window.__xss=1">',
    );
    expect(out).toBe('<p>Hi</p><img src="https://cdn.example/a.png" />');
  });

  it("drops images that do not load over http(s) from elsewhere", () => {
    expect(sanitizeBody('<p>a</p><img src="x" onerror="window.__xss=1"><img src="javascript:alert(1)"><img src="//evil.example/x.png"><img>')).toBe("<p>a</p>");
  });

  it("neutralises javascript: links and opens the others outside, without a referrer", () => {
    expect(sanitizeBody('<a href="javascript:alert(1)">x</a>')).not.toContain("javascript");
    expect(sanitizeBody('<a href="https://help.example/a">docs</a>')).toBe(
      '<a href="https://help.example/a" target="_blank" rel="noopener noreferrer nofollow">docs</a>',
    );
  });

  it("removes frames, forms and their contents", () => {
    expect(sanitizeBody('<iframe src="https://evil.example"></iframe><form action="/x"><input name="a"></form><p>ok</p>')).toBe("<p>ok</p>");
  });

  it("answers null for nothing to show", () => {
    expect(sanitizeBody(null)).toBeNull();
    expect(sanitizeBody(undefined)).toBeNull();
    expect(sanitizeBody("   ")).toBeNull();
  });
});
