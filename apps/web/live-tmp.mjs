import { chromium } from "playwright-core";
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--disable-gpu","--disable-quic","--no-sandbox","--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
page.on("response", (r) => { if (r.status() >= 400) console.log("HTTP", r.status(), r.url().slice(0, 160)); });
await page.goto(url, { waitUntil: "domcontentloaded" });
for (let i = 0; i < 4; i++) {
  await page.waitForTimeout(1500);
  const h = await page.locator("[data-testid=run-insights] h2").first().textContent().catch(() => "?");
  const ms = await page.locator("[data-testid=boundary-canvas]").getAttribute("data-grid-ms").catch(() => "-");
  const reading = await page.locator("[data-testid=diag-ratio-reading]").textContent().catch(() => "-");
  console.log(i, h, "grid ms", ms, "|", reading);
}
await page.locator("[data-testid=run-insights]").first().screenshot({ path: "/tmp/x/live.png" });
// play from the start
await page.locator("[data-testid=epoch-play]").click();
const seen = [];
for (let i = 0; i < 8; i++) { await page.waitForTimeout(400); seen.push(await page.locator("[data-testid=run-insights] h2").first().textContent() + " " + await page.locator("[data-testid=boundary-canvas]").getAttribute("data-grid-ms")); }
console.log(seen.join(" | "));
await page.locator("[data-testid=epoch-play]").click();
await browser.close();
