/** The built app as a network sees it: security headers on every page, Host refused, no open redirect. */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

const stack = e2eStack();

const PAGES = [
  "/",
  "/runs",
  "/sweeps",
  "/compare",
  "/views",
  "/queue",
  "/activations",
  "/activity",
  "/sign-in",
  "/sign-up",
  "/settings/account",
];

/** node:http, because fetch will not send a Host other than the URL's. */
function statusWithHost(url: string, host: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: u.port, path: u.pathname, headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on("error", reject);
  });
}

describe("on a network", () => {
  it("sends the CSP with a fresh nonce, no framing, nosniff and a Referrer-Policy on every page", async () => {
    const nonces = new Set<string>();
    for (const page of PAGES) {
      const res = await fetch(`${stack.baseUrl}${page}`, { redirect: "manual" });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, page).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
      expect(csp, page).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("x-content-type-options"), page).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), page).toBe("strict-origin-when-cross-origin");
      const nonce = csp.match(/'nonce-([\w+/=]+)'/)?.[1] ?? "";
      nonces.add(nonce);
      if (res.status === 200) {
        // The inline theme script carries the nonce, or the browser would refuse it.
        expect(await res.text(), page).toContain(`<script nonce="${nonce}">try{`);
      }
    }
    expect(nonces.size).toBe(PAGES.length);
  });

  it("loads pages in a browser without a CSP violation", async () => {
    const page = await stack.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    for (const path of ["/", "/runs", "/compare", "/sweeps"]) {
      await page.goto(`${stack.baseUrl}${path}`, { waitUntil: "networkidle" });
    }
    expect(violations).toEqual([]);
    await page.close();
  });

  it("refuses a page or API request naming an unknown Host (DNS rebinding)", async () => {
    expect(await statusWithHost(`${stack.baseUrl}/`, "evil.example")).toBe(421);
    expect(await statusWithHost(`${stack.baseUrl}/api/trpc/meta.options`, "evil.example")).toBe(421);
    expect(await statusWithHost(`${stack.baseUrl}/`, new URL(stack.baseUrl).host)).toBe(200);
  });

  it("stays on this site after sign-up whatever next= says", async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/sign-up?next=${encodeURIComponent("/\\evil.example")}`);
    await page.locator("#name").fill("Rita Redirect");
    await page.locator("#email").fill("rita@example.com");
    await page.locator("#password").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-up"), { timeout: 15_000 });
    expect(new URL(page.url()).origin).toBe(stack.baseUrl);
    await page.goto(`${stack.baseUrl}/sign-in?next=${encodeURIComponent("/%09/evil.example")}`);
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 15_000 });
    expect(new URL(page.url()).origin).toBe(stack.baseUrl);
    await page.close();
  });
});
