/**
 * The e2e `test`: every test also proves that no Intercom token reached the browser. It
 * records every response the browser received (bodies and headers), and afterwards checks
 * them, script-readable cookies and web storage against every token the sandbox issued.
 */
import { test as base, expect } from "@playwright/test";
import { issuedTokens } from "./support";

export const test = base.extend<{ tokenWatch: void }>({
  tokenWatch: [
    async ({ context }, use) => {
      const seen: { url: string; text: string }[] = [];
      const pending: Promise<void>[] = [];
      const within = <T>(p: Promise<T>, fallback: T) =>
        Promise.race([p.catch(() => fallback), new Promise<T>((r) => setTimeout(() => r(fallback), 5000))]);
      // Bodies are read once a request has finished; a page that navigated away may cancel some.
      context.on("requestfinished", (request) => {
        pending.push(
          (async () => {
            const res = await within(request.response(), null);
            if (!res) return;
            const headers = JSON.stringify(await within(res.allHeaders(), {}));
            const body = await within(res.text(), "");
            seen.push({ url: res.url(), text: headers + "\n" + body });
          })(),
        );
      });
      await use();
      await Promise.allSettled(pending);
      const tokens = await issuedTokens();
      expect(tokens.length).toBeGreaterThan(0);
      for (const { url, text } of seen) {
        for (const token of tokens)
          expect(text.includes(token), `a token appeared in the response to ${url}`).toBe(false);
      }
      for (const page of context.pages()) {
        if (page.isClosed() || page.url().startsWith("about:")) continue;
        const exposed = await page
          .evaluate(() =>
            [document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })].join("\n"),
          )
          .catch(() => "");
        for (const token of tokens) expect(exposed.includes(token), "a token is readable by scripts").toBe(false);
      }
      for (const cookie of await context.cookies()) {
        if (cookie.name.includes("next-auth.session-token"))
          expect(cookie.httpOnly, `${cookie.name} must be HttpOnly`).toBe(true);
        for (const token of tokens) expect(cookie.value.includes(token)).toBe(false);
      }
    },
    { auto: true },
  ],
});

export { expect };
