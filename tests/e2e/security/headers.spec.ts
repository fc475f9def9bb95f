/** Response headers and cookies that keep pages, data and the session safe. */
import { expect, test } from "../fixtures";
import { workspace } from "../support";

const REQUIRED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("pages and API answers carry a strict CSP and the security headers", async ({ page }) => {
  const us = await workspace("Northwind Support");
  for (const path of [
    "/signin",
    `/w/${us.id_code}/tickets`,
    `/api/w/${us.id_code}/catalog`,
    `/api/w/${us.id_code}/overview`,
    `/api/w/${us.id_code}/no-such-route`,
    "/no-such-page",
  ]) {
    const res = await page.request.get(path);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    for (const [name, value] of Object.entries(REQUIRED)) expect(h[name], `${name} on ${path}`).toBe(value);
    expect(h["x-powered-by"], path).toBeUndefined();
    if (path.startsWith("/api/")) expect(h["cache-control"], path).toContain("no-store");
  }
});

test("the session cookie is HttpOnly and SameSite, and no cookie a script can read says anything", async ({ page, context }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}`);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // Served over plain http here, so not Secure; over https the cookie is Secure and __Secure- (unit-tested).
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  const readable = cookies.filter((c) => !c.httpOnly).map((c) => c.name);
  expect(readable.every((n) => !/session|token/i.test(n) || n.includes("csrf") || n.includes("callback"))).toBe(true);
});

test("the dashboard refuses to be framed by another site", async ({ page, baseURL }) => {
  await page.setContent(`<iframe id="f" src="${baseURL}/signin"></iframe>`);
  await page.waitForTimeout(1000);
  const framed = page.frames().find((f) => f.url().includes("/signin"));
  // Blocked frames never load the page's content.
  const text = framed ? await framed.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
  expect(text).not.toMatch(/Sign in/i);
});
