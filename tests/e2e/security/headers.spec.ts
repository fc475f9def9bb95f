/** Response headers and cookies that keep pages, data and the session safe. */
import { expect, test } from "../fixtures";
import { SANDBOX_URL, sandboxApi, workspace } from "../support";

/** One directive's sources, e.g. `'self' 'nonce-…'` for script-src. */
function directive(csp: string, name: string): string {
  const found = csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
  return found ? found.slice(name.length + 1).trim() : "";
}

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
    const scripts = directive(csp, "script-src");
    expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=_-]{16,}'/);
    expect(scripts, path).toContain("'strict-dynamic'");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    // Forms post here, and sign-in goes on to the sandbox's consent page (it is on in these tests); nowhere else.
    expect(directive(csp, "form-action").split(" ").sort(), path).toEqual(["'self'", SANDBOX_URL].sort());
    for (const [name, value] of Object.entries(REQUIRED)) expect(h[name], `${name} on ${path}`).toBe(value);
    expect(h["x-powered-by"], path).toBeUndefined();
    if (path.startsWith("/api/")) expect(h["cache-control"], path).toContain("no-store");
  }
});

test("the session cookie is HttpOnly and SameSite, and no cookie a script can read says anything", async ({
  page,
  context,
}) => {
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

test("every page gets a fresh script nonce", async ({ page }) => {
  const us = await workspace("Northwind Support");
  for (const path of ["/signin", `/w/${us.id_code}/tickets`, "/no-such-page"]) {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await page.request.get(path);
      const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
      expect(nonce, path).toBeTruthy();
      // The page's own scripts carry the nonce of the header they were served with.
      if (res.headers()["content-type"]?.includes("text/html"))
        expect(await res.text(), path).toContain(`nonce="${nonce}"`);
      nonces.add(nonce!);
    }
    expect(nonces.size, path).toBe(3);
  }
});

test("pages run under the policy without a single violation", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const [ticket] = (
    await sandboxApi<{ tickets: { id: string }[] }>(us, "POST", "/tickets/search", {
      query: { field: "open", operator: "=", value: true },
      pagination: { per_page: 1 },
    })
  ).tickets;
  const errors: string[] = [];
  page.on("console", (m) => {
    // The not-found page is served with its 404, which the browser logs.
    const notFound = page.url().endsWith("/no-such-page") && m.text().includes("status of 404");
    if (m.type() === "error" && !notFound) errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  // Violations are also events, whether or not the browser logs them.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const paths = [
    `/w/${us.id_code}`,
    `/w/${us.id_code}/tickets`,
    `/w/${us.id_code}/tickets/${ticket.id}`,
    `/w/${us.id_code}/segments`,
    `/w/${us.id_code}/jobs`,
    "/no-such-page",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
    // Scripts ran: the theme script set the theme's class and the page hydrated.
    await expect(page.locator("html"), path).toHaveClass(/light|dark/);
  }
  // A client-side navigation too: its scripts load under 'strict-dynamic'.
  await page.goto(`/w/${us.id_code}`);
  await page.getByRole("link", { name: "Tickets" }).first().click();
  await expect(page).toHaveURL(/\/tickets/);
  await page.context().clearCookies();
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in with Intercom" })).toBeVisible();
  expect(errors).toEqual([]);
});
