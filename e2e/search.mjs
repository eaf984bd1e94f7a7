// The search as a reader uses it, in headless Chromium from file://: a query equal to a
// name puts that name first; results show a snippet with the words marked; a word the
// index lacks offers the nearest it has, and following the offer gives results; a result
// leads to its page with the query's words marked and the first in view, even deep in a
// long source (whose snippet may be its opening: a document keeps bounded excerpts). At 390 and 1440 px, light and dark: no page wider than the screen, every
// target at least 24 px square. Then, with the binary, a chronicle in several scripts:
// each is found as typed, accents and case aside.
//
// Usage: node search.mjs PUBLIC_DIR NAME TYPO DEEP_WORD [ANNALIST_BINARY]
//   NAME: a query equal to a place's or actor's name, which must come first;
//   TYPO: a query the index lacks, whose suggestion must give results;
//   DEEP_WORD: a word a source holds far down its text, which must be shown in view.
// SCREENSHOTS=DIR also saves the open results at each width and scheme.

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [siteArg, name, typo, deep, binary] = process.argv.slice(2);
const siteDir = resolve(siteArg || "../public");
const shots = process.env.SCREENSHOTS;
const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const home = (dir) => pathToFileURL(join(dir, "index.html")).href;

/** Types `query` and waits for its results; returns them as the reader sees them. */
async function search(page, query) {
  await page.fill("#search-input", "");
  await page.waitForFunction(() => document.querySelector(".search-results").hidden);
  await page.fill("#search-input", query);
  await page.waitForFunction(() => !document.querySelector(".search-results").hidden);
  return page.$$eval(".search-results li", (items) => items.map((li) => ({
    title: li.querySelector(".search-title")?.textContent ?? null,
    kind: li.querySelector(".search-kind")?.textContent ?? null,
    snippet: li.querySelector(".search-snippet")?.textContent ?? null,
    marks: Array.from(li.querySelectorAll(".search-snippet mark"), (m) => m.textContent),
    href: li.querySelector("a")?.href ?? null,
    suggestions: Array.from(li.querySelectorAll("button"), (b) => b.textContent),
  })));
}

/** Problems of the open results: a page wider than the screen, a target under 24 px. */
async function checkOpenResults(page, label) {
  const found = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    screen: window.innerWidth,
    small: Array.from(document.querySelectorAll(".search-results a, .search-results button"))
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width < 24 || r.height < 24)
      .map((r) => `${Math.round(r.width)}×${Math.round(r.height)}`),
  }));
  if (found.width > found.screen) problems.push(`${label}: the page is ${found.width} px wide on a ${found.screen} px screen`);
  if (found.small.length) problems.push(`${label}: targets under 24 px: ${found.small.join(", ")}`);
}

const checks = [];
for (const [width, height] of [[390, 844], [1440, 900]]) {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    page.on("pageerror", (e) => problems.push(`${width} ${scheme}: script error: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") problems.push(`${width} ${scheme}: console error: ${m.text()}`); });
    const label = `${width} px ${scheme}`;
    await page.goto(home(siteDir));

    const results = await search(page, name);
    const first = results[0] || {};
    if (first.title !== name) problems.push(`${label}: "${name}" puts ${JSON.stringify(first.title)} first`);
    if (!results.some((r) => r.marks.length)) problems.push(`${label}: no result for "${name}" has a snippet with a marked word`);
    await checkOpenResults(page, `${label} "${name}"`);
    // Down from the box reaches the first result; up from it, the box again.
    await page.focus("#search-input");
    await page.keyboard.press("ArrowDown");
    if (!(await page.evaluate(() => document.activeElement.matches(".search-results a")))) problems.push(`${label}: ArrowDown does not reach the first result`);
    await page.keyboard.press("ArrowUp");
    if (!(await page.evaluate(() => document.activeElement.id === "search-input"))) problems.push(`${label}: ArrowUp does not return to the box`);
    // When there are more results than shown, the reader can ask for them.
    const more = page.locator(".search-count button");
    if (await more.count()) {
      const before = await page.locator(".search-results a").count();
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll(".search-results a").length > n, before, { timeout: 5000 }).catch(() => {});
      const after = await page.locator(".search-results a").count();
      if (after <= before) problems.push(`${label}: "Show more" shows no more than ${before} results`);
    }
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `search-${width}-${scheme}.png`) });
    }

    const none = await search(page, typo);
    const offered = none.flatMap((r) => r.suggestions);
    if (!offered.length) problems.push(`${label}: "${typo}" offers no suggestion`);
    else {
      await checkOpenResults(page, `${label} "${typo}"`);
      if (shots) await page.screenshot({ path: join(shots, `suggest-${width}-${scheme}.png`) });
      await page.click(".search-suggestions button");
      await page.waitForFunction(() => document.querySelector(".search-results .search-result"));
      const value = await page.inputValue("#search-input");
      if (value !== offered[0]) problems.push(`${label}: the suggestion put "${value}" in the box, not "${offered[0]}"`);
    }
    checks.push(label);
    await context.close();
  }
}

// A result for a word deep in a source leads to the word, marked, in view.
{
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`deep: script error: ${e.message}`));
  await page.goto(home(siteDir));
  const results = await search(page, deep);
  const source = results.find((r) => r.href && r.href.includes("/sources/"));
  if (!source) problems.push(`"${deep}": no source among ${JSON.stringify(results.map((r) => r.title))}`);
  else {
    // A source keeps bounded excerpts (src/render/search/excerpts.rs): its snippet may be
    // its opening, but the page must still mark the word and show it.
    if (!source.snippet) problems.push(`"${deep}": the source's result has no snippet`);
    await page.click(`.search-results a[href="${new URL(source.href).href.replace(/"/g, '\\"')}"]`).catch(() => page.goto(source.href));
    await page.waitForLoadState("load");
    await page.waitForFunction(() => document.querySelector("mark.search-first"), null, { timeout: 5000 }).catch(() => {});
    const where = await page.evaluate(() => {
      const mark = document.querySelector("mark.search-first");
      if (!mark) return null;
      const box = mark.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, screen: window.innerHeight, scrolled: window.scrollY, page: document.documentElement.scrollHeight, text: mark.textContent };
    });
    if (!new URL(page.url()).search.includes("q=")) problems.push(`"${deep}": the result's address carries no query: ${page.url()}`);
    if ((await page.inputValue("#search-input").catch(() => "")) !== deep) problems.push(`"${deep}": the page it leads to does not keep the query in the box`);
    if (!where) problems.push(`"${deep}": ${page.url()} marks no word`);
    else if (where.top < 0 || where.bottom > where.screen) problems.push(`"${deep}": the first marked word is at ${Math.round(where.top)} px, outside the screen`);
    else if (where.scrolled === 0) problems.push(`"${deep}": the page did not scroll (${where.page} px long)`);
    else checks.push(`"${deep}" lands ${Math.round(where.scrolled)} px down a ${where.page} px page, on "${where.text}"`);
    if (shots) await page.screenshot({ path: join(shots, "target-1440.png") });
  }
  // Without a query, a page is left as it is.
  await page.goto(home(siteDir));
  if (await page.$("mark.search-hit")) problems.push("a page opened without a query marks words");
  await context.close();
}

// Several scripts, as the index splits and folds them and as search.js does.
if (binary) {
  const root = mkdtempSync(join(tmpdir(), "annalist-scripts-"));
  const write = (path, text) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("chronicle.toml", `title = "Scripts"\nlanguage = "en"\nbase_url = "https://example.org/scripts/"\n\n[range]\nstart = "2021-06-01"\nend = "2021-06-02"\n`);
  write("seeds/many.txt", "Opening line.\n\nΗ ΟΔΟΣ προς την Αθήνα. Улица ведёт в Москву. 北京市に行く。 ذهبنا إلى المَدِينَة. हिंदी भाषा.\n");
  write("content/sources/many.md", `+++\ntitle = "Many scripts"\nlanguage = "en"\nkind = "other"\nseed = "seeds/many.txt"\n+++\n`);
  execFileSync(binary, ["build", "--root", root], { stdio: ["ignore", "ignore", "inherit"] });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(home(join(root, "public")));
  for (const query of ["οδός", "αθηνα", "МОСКВУ", "北京", "京", "المدينة", "भाषा"]) {
    const results = await search(page, query);
    if (results[0]?.title !== "Many scripts") problems.push(`"${query}" does not find the source: ${JSON.stringify(results[0])}`);
    else if (!results[0].marks.length) problems.push(`"${query}" marks nothing in ${results[0].snippet}`);
  }
  checks.push("7 queries in Greek, Cyrillic, Chinese, Arabic and Hindi");
  await context.close();
  rmSync(root, { recursive: true, force: true });
}

await browser.close();
for (const check of checks) console.log(`search: ${check}`);
for (const problem of problems) console.error(problem);
console.log(`${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
