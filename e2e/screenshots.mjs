// Screenshots of a built site in headless Chromium: every page kind at phone and desktop
// widths, light and dark, and a day page printed to PDF. The set listed in SHOTS is what
// docs/screenshots/ holds; `--all` also writes every page kind at both widths in both
// schemes, for looking, into the output folder.
//
// Usage: node screenshots.mjs PUBLIC_DIR OUTPUT_DIR [--all]

import { chromium } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const siteDir = resolve(process.argv[2] || "../public");
const outDir = resolve(process.argv[3] || "../docs/screenshots");
const all = process.argv.includes("--all");

// [file name, page, width, colour scheme, what to do first]
const SHOTS = [
  ["index-desktop.png", "index.html", 1440, "light"],
  ["index-phone-dark.png", "index.html", 390, "dark"],
  ["day-desktop-sidenotes.png", "days/2013-01-10.html", 1440, "light"],
  ["day-phone-note-open.png", "days/2013-01-11.html", 390, "light", "open-note"],
  ["comparison-chart-dark.png", "compare/west-african-force.html", 1440, "dark", "scroll-chart"],
  ["places-map.png", "places/index.html", 1440, "light"],
  ["actors-matrix.png", "actors/index.html", 1440, "light", "scroll-matrix"],
  ["source-phone.png", "sources/afp-counteroffensive.html", 390, "light", "scroll-comments"],
  ["preview-desktop.png", "days/2013-01-10.html", 1440, "light", "hover-preview"],
  ["search-phone.png", "index.html", 390, "light", "search"],
  ["comparison-over-time.png", "compare/konna-retaken.html", 1440, "light", "scroll-over-time"],
  ["place-phone-dark.png", "places/konna.html", 390, "dark"],
];
const KINDS = ["index.html", "days/2013-01-10.html", "events/konna-falls.html", "actors/index.html",
  "actors/ansar-dine.html", "places/index.html", "places/konna.html", "sources/index.html",
  "sources/afp-counteroffensive.html", "compare/index.html", "compare/death-toll.html", "compare/konna-retaken.html", "pages/dates.html", "404.html"];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
await mkdir(outDir, { recursive: true });

async function shoot(file, path, width, scheme, action) {
  const context = await browser.newContext({ viewport: { width, height: width < 800 ? 844 : 1000 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(siteDir, path)).href);
  if (action === "open-note") await page.locator("label.sidenote-toggle").first().click();
  if (action === "scroll-chart") await page.locator(".chart-section").scrollIntoViewIfNeeded();
  if (action === "scroll-matrix") await page.locator(".matrix-section").scrollIntoViewIfNeeded();
  if (action === "scroll-comments") await page.locator("#p-61").scrollIntoViewIfNeeded();
  if (action === "scroll-over-time") await page.locator(".over-time-section").scrollIntoViewIfNeeded();
  if (action === "hover-preview") {
    const link = page.locator(".event-meta a[href*='actors/']").first();
    await link.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -300));
    await link.hover();
    await page.waitForSelector(".preview:not([hidden])", { timeout: 5000 }).catch(() => {});
  }
  if (action === "search") {
    await page.fill("#search-input", "Konna");
    await page.waitForSelector(".search-results:not([hidden]) a", { timeout: 5000 }).catch(() => {});
  }
  await page.screenshot({ path: join(outDir, file) });
  await context.close();
}

for (const shot of SHOTS) await shoot(...shot);
if (all) {
  for (const path of KINDS) {
    for (const width of [390, 1440]) {
      for (const scheme of ["light", "dark"]) {
        await shoot(`all-${path.replaceAll("/", "-").replace(".html", "")}-${width}-${scheme}.png`, path, width, scheme);
      }
    }
  }
}
// A day page as it prints: to PDF, in the print stylesheet.
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(pathToFileURL(join(siteDir, "days/2013-01-12.html")).href);
await page.pdf({ path: join(outDir, "day-print.pdf"), format: "A4", margin: { top: "2cm", bottom: "2cm", left: "2cm", right: "2cm" } });
await browser.close();
