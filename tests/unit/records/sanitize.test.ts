/** Message bodies are untrusted: what survives sanitising, and what never does. */
import { describe, expect, it } from "vitest";
import { hasInsecureImages, showRemoteImages } from "@/lib/records/remote-images";
import { sanitizeBody, sanitizeMessage } from "@/lib/records/sanitize";

describe("sanitizeBody", () => {
  it("keeps formatting, lists, quotes and code", () => {
    const html =
      "<p>Hi <b>there</b>, <em>see</em>:</p><ul><li>one</li></ul><blockquote>quoted</blockquote><pre><code>x = 1</code></pre>";
    expect(sanitizeBody(html)).toBe(html);
  });

  it("removes scripts, event handlers and styles", () => {
    const out = sanitizeBody(
      '<p onclick="steal()" style="color:red">Hi</p><script>window.__xss=2</script><img src="https://cdn.example/a.png" onerror="window.__xss=1">',
    );
    expect(out).toBe('<p>Hi</p><img data-remote-src="https://cdn.example/a.png" />');
  });

  it("drops images that would load from the dashboard itself or run script", () => {
    expect(
      sanitizeBody(
        '<p>a</p><img src="x" onerror="window.__xss=1"><img src="javascript:alert(1)"><img src="/api/me"><img src="data:text/html,<b>x</b>"><img>',
      ),
    ).toBe("<p>a</p>");
  });

  it("neutralises javascript: links and opens the others outside, without a referrer", () => {
    expect(sanitizeBody('<a href="javascript:alert(1)">x</a>')).not.toContain("javascript");
    expect(sanitizeBody('<a href="https://help.example/a">docs</a>')).toBe(
      '<a href="https://help.example/a" target="_blank" rel="noopener noreferrer nofollow">docs</a>',
    );
  });

  it("removes frames, forms and their contents", () => {
    expect(
      sanitizeBody('<iframe src="https://evil.example"></iframe><form action="/x"><input name="a"></form><p>ok</p>'),
    ).toBe("<p>ok</p>");
  });

  it("answers null for nothing to show", () => {
    expect(sanitizeMessage(null)).toBeNull();
    expect(sanitizeBody(null)).toBeNull();
    expect(sanitizeBody(undefined)).toBeNull();
    expect(sanitizeBody("   ")).toBeNull();
  });
});

/** A remote image is a read receipt: it tells the sender when the message was opened, and from where. */
describe("remote images are held back", () => {
  it("moves a remote source aside, keeps alt and size, and names its host", () => {
    expect(
      sanitizeMessage(
        '<p>Receipt:</p><img src="https://images.example.test/pixel.png?u=42" alt="Receipt" width="1" height="1" title="t">',
      ),
    ).toEqual({
      html: '<p>Receipt:</p><img alt="Receipt" width="1" height="1" data-remote-src="https://images.example.test/pixel.png?u=42" />',
      imageHosts: ["images.example.test"],
    });
  });

  it("holds plain http, protocol-relative and oddly written sources the way a browser would read them", () => {
    const out = sanitizeMessage(
      '<img src="http://a.example/1.png"><img src="//b.example/2.png"><img src=" HTTPS://C.example:8443/3.png "><img src="https:\\\\d.example/4.png">',
    );
    expect(out?.html).toBe(
      '<img data-remote-src="http://a.example/1.png" /><img data-remote-src="https://b.example/2.png" />' +
        '<img data-remote-src="https://c.example:8443/3.png" /><img data-remote-src="https://d.example/4.png" />',
    );
    expect(out?.imageHosts).toEqual(["a.example", "b.example", "c.example:8443", "d.example"]);
  });

  it("lists each host once, in the order the images appear", () => {
    const out = sanitizeMessage(
      '<img src="https://b.example/1.png"><img src="https://a.example/1.png"><img src="https://b.example/2.png">',
    );
    expect(out?.imageHosts).toEqual(["b.example", "a.example"]);
  });

  it("leaves no attribute, tag or style a browser would fetch from", () => {
    const hostile = [
      '<img src="https://a.example/1.png" srcset="https://track.example/1x.png 1x, https://track.example/2x.png 2x" sizes="10px">',
      '<img srcset="https://track.example/only.png 1x">',
      '<img src="https://a.example/2.png" lowsrc="https://track.example/l.png" dynsrc="https://track.example/d.png" longdesc="https://track.example/ld">',
      '<img src="https://a.example/3.png" data-remote-src="https://track.example/forged.png" loading="eager">',
      '<img data-remote-src="https://track.example/forged-alone.png" alt="forged">',
      '<div style="background:url(https://track.example/bg.png)">bg</div>',
      "<p style=\"background-image: url('//track.example/bg2.png')\">bg2</p>",
      '<table background="https://track.example/t.png"><tr><td background="https://track.example/td.png">cell</td></tr></table>',
      '<body background="https://track.example/body.png"></body>',
      '<picture><source srcset="https://track.example/p.webp" type="image/webp"><img src="https://a.example/4.png" alt="pic"></picture>',
      '<video poster="https://track.example/poster.png" src="https://track.example/v.mp4"><source src="https://track.example/v.webm"></video>',
      '<audio src="https://track.example/a.mp3"></audio>',
      '<link rel="stylesheet" href="https://track.example/s.css"><link rel="preload" as="image" href="https://track.example/pre.png">',
      "<style>p { background: url(https://track.example/style.png) }</style>",
      '<svg><image href="https://track.example/svg.png"></image><use xlink:href="https://track.example/u.svg#a"></use></svg>',
      '<input type="image" src="https://track.example/input.png"><object data="https://track.example/o.swf"></object><embed src="https://track.example/e.swf">',
      '<iframe src="https://track.example/f.html"></iframe><frame src="https://track.example/fr.html"><meta http-equiv="refresh" content="0;url=https://track.example/m">',
      '<a href="https://help.example/x" ping="https://track.example/ping">link</a><base href="https://track.example/">',
    ].join("");
    const out = sanitizeMessage(hostile)!;
    expect(out.html).not.toContain("track.example");
    // What remains: held images, text, and one link (followed only when clicked).
    expect(out.html).not.toMatch(
      /\s(src|srcset|sizes|style|background|poster|ping|data|lowsrc|dynsrc|longdesc)=|url\(/i,
    );
    expect(out.html.match(/<[a-z]+/g)).toEqual(["<img", "<img", "<img", "<div", "<p", "<img", "<a"]);
    expect(out.imageHosts).toEqual(["a.example"]);
    expect(out.html).toContain('<img alt="pic" data-remote-src="https://a.example/4.png" />');
  });

  it("keeps inline data: images, which load nothing from elsewhere", () => {
    const png =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    expect(sanitizeMessage(`<img src="${png}" alt="dot">`)).toEqual({
      html: `<img alt="dot" src="${png}" />`,
      imageHosts: [],
    });
  });

  it("says nothing is held back when no image is remote", () => {
    expect(sanitizeMessage("<p>No pictures</p>")).toEqual({ html: "<p>No pictures</p>", imageHosts: [] });
  });
});

describe("showRemoteImages", () => {
  it("swaps held sources back in, without a referrer", () => {
    const { html } = sanitizeMessage(
      '<p>See</p><img src="https://images.example.test/pixel.png" alt="Receipt"><img src="//b.example/2.png">',
    )!;
    expect(showRemoteImages(html)).toBe(
      '<p>See</p><img alt="Receipt" referrerpolicy="no-referrer" src="https://images.example.test/pixel.png" />' +
        '<img referrerpolicy="no-referrer" src="https://b.example/2.png" />',
    );
  });

  it("changes only image tags, never text that looks like the attribute", () => {
    const { html } = sanitizeMessage(
      '<p>type data-remote-src="https://x.example/a.png" here</p><img alt=\'data-remote-src="y"\' src="https://a.example/1.png">',
    )!;
    const shown = showRemoteImages(html);
    expect(shown).toContain('<p>type data-remote-src="https://x.example/a.png" here</p>');
    expect(shown).toContain(
      '<img alt="data-remote-src=&quot;y&quot;" referrerpolicy="no-referrer" src="https://a.example/1.png" />',
    );
  });

  it("tells plain http images, which the CSP keeps blocked, from https ones", () => {
    expect(
      hasInsecureImages(sanitizeMessage('<img src="https://a.example/1.png"><img src="//b.example/2.png">')!.html),
    ).toBe(false);
    expect(
      hasInsecureImages(sanitizeMessage('<img src="https://a.example/1.png"><img src="http://b.example/2.png">')!.html),
    ).toBe(true);
  });
});
