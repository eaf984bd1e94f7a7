// End-to-end check of a built site in headless Chromium: crawls every page from
// file:// and from a local server under a sub-path, and fails on any broken link or
// anchor, any console error, and any request that leaves the site. Then runs the
// search for a few queries, axe-core, and checks where notes sit and that no page is
// wider than a phone.
//
// Usage: node crawl.mjs PUBLIC_DIR [query=expected-title ...]

import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { checkLayout as checkPage, layoutPages } from "./layout.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const siteDir = resolve(process.argv[2] || "../public");
const searches = process.argv.slice(3).map((arg) => arg.split("="));
const SUB_PATH = "/some/sub/path/";
const problems = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** Crawls from `start`; every URL that does not start with `inside` is outside the site. */
async function crawl(start, inside, label) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let current = start;
  page.on("console", (m) => { if (m.type() === "error") problems.push(`${label} ${current}: console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`${label} ${current}: script error: ${e.message}`));
  let leaving = 0;
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(inside) && !url.startsWith("data:")) {
      leaving += 1;
      problems.push(`${label} ${current}: request leaves the site: ${url}`);
    }
  });
  const queue = [start];
  const seen = new Set(queue);
  const ids = new Map();
  const links = [];
  while (queue.length) {
    current = queue.shift();
    const response = await page.goto(current);
    if (response && !response.ok() && !current.startsWith("file:")) {
      problems.push(`${label} ${current}: HTTP ${response.status()}`);
      continue;
    }
    ids.set(current, new Set(await page.$$eval("[id]", (els) => els.map((e) => e.id))));
    const hrefs = await page.$$eval("a[href], link[rel=stylesheet][href], script[src]", (els) =>
      // An SVG link's `href` is an SVGAnimatedString: resolve its value as a browser would.
      els.map((e) => (typeof e.href === "object" ? new URL(e.href.baseVal, document.baseURI).href : e.href || e.src)));
    for (const href of hrefs) {
      if (href.startsWith("data:")) continue;
      if (!href.startsWith(inside)) continue; // canonical and citation URLs point at base_url
      const [target, anchor] = href.split("#");
      links.push({ from: current, target, anchor });
      if (target.endsWith(".html") && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  for (const { from, target, anchor } of links) {
    if (!seen.has(target)) {
      try {
        await stat(fileOf(target, inside));
      } catch {
        problems.push(`${label} ${from}: broken link to ${target}`);
      }
      continue;
    }
    if (anchor && !ids.get(target)?.has(decodeURIComponent(anchor))) {
      problems.push(`${label} ${from}: no anchor #${anchor} in ${target}`);
    }
  }
  await context.close();
  console.log(`${label}: ${seen.size} pages crawled, ${links.length} links checked, ${leaving} requests leaving the site`);
  return { pages: seen.size, links: links.length, leaving };
}

/** axe-core on one page of each kind: serious and critical violations are problems. */
async function checkAccessibility(root, label, colorScheme) {
  const pages = ["index.html", "days/2013-01-10.html", "actors/index.html", "places/index.html",
    "sources/index.html", "compare/index.html"];
  for (const folder of ["events", "actors", "places", "sources", "compare"]) {
    pages.push(`${folder}/${await firstPage(folder)}`);
  }
  const charted = await firstPage("compare", 'class="chart"');
  if (charted) pages.push(`compare/${charted}`);
  const counts = {};
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(root + path);
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => (await window.axe.run()).violations);
    for (const v of violations) {
      counts[v.impact] = (counts[v.impact] || 0) + v.nodes.length;
      if (v.impact === "serious" || v.impact === "critical") {
        problems.push(`${label} ${path} (${colorScheme}): ${v.impact} accessibility violation ${v.id}: ${v.help} (${v.nodes.length} elements, e.g. ${v.nodes[0].target})`);
      }
    }
  }
  await context.close();
  console.log(`${label}: axe-core on ${pages.length} pages (${colorScheme}), violations by impact ${JSON.stringify(counts)}`);
}

/**
 * Notes and widths as a reader meets them, on every day, comparison and editor's page and one of
 * each other kind: at 1440 px every note in the margin starts within one screen of its
 * reference and none overlaps another, and a note kept in the text opens where it is; at
 * 390 px no page is wider than the screen.
 */
async function checkLayout(root, label) {
  const { readdir } = await import("node:fs/promises");
  const pages = ["index.html", "actors/index.html", "places/index.html", "sources/index.html", "corrections.html"];
  for (const folder of ["days", "compare", "pages"]) {
    const names = await readdir(join(siteDir, folder)).catch(() => []);
    for (const name of names.sort()) if (name.endsWith(".html")) pages.push(`${folder}/${name}`);
  }
  for (const folder of ["events", "actors", "places", "sources"]) pages.push(`${folder}/${await firstPage(folder)}`);
  const views = await layoutPages(browser);
  let placed = 0, inPlace = 0, worst = 0;
  for (const path of pages) {
    const found = await checkPage(views, root + path);
    placed += found.placed; inPlace += found.inPlace; worst = Math.max(worst, found.worst);
    for (const problem of found.problems) problems.push(`${label} ${path}: ${problem}`);
  }
  await views.close();
  console.log(`${label}: layout of ${pages.length} pages: ${placed} notes in the margin (worst ${Math.round(worst)} px from its reference), ${inPlace} kept in the text; none wider than a phone`);
}

/** The first page of a folder, in name order; with `containing`, the first whose HTML has it. */
async function firstPage(folder, containing) {
  const { readdir } = await import("node:fs/promises");
  const names = (await readdir(join(siteDir, folder))).filter((f) => f !== "index.html" && f.endsWith(".html")).sort();
  for (const name of names) {
    if (!containing || (await readFile(join(siteDir, folder, name), "utf8")).includes(containing)) return name;
  }
  return undefined;
}

function fileOf(url, inside) {
  return join(siteDir, decodeURIComponent(url.slice(inside.length)));
}

/** Types each query in the search box and expects a result with the given title. */
async function checkSearch(start, label) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(start);
  for (const [query, expected] of searches) {
    // Emptied first, so the results read are this query's, not the last one's.
    await page.fill("#search-input", "");
    await page.waitForFunction(() => document.querySelector(".search-results").hidden);
    await page.fill("#search-input", query);
    await page.waitForFunction(() => !document.querySelector(".search-results").hidden);
    const titles = await page.$$eval(".search-results .search-title", (ts) => ts.map((t) => t.textContent));
    if (!titles.includes(expected)) {
      problems.push(`${label} search "${query}": expected "${expected}" among ${JSON.stringify(titles.slice(0, 5))}`);
      continue;
    }
    const link = await page.$$eval(".search-results .search-title", (ts, t) => ts.find((e) => e.textContent === t).closest("a").href, expected);
    const [target, anchor] = link.split("#");
    const check = await context.newPage();
    await check.goto(target);
    if (anchor && !(await check.$(`[id="${anchor}"]`))) problems.push(`${label} search "${query}": result ${link} has no anchor`);
    await check.close();
  }
  await context.close();
  console.log(`${label}: ${searches.length} searches run`);
}

/**
 * "Cite this passage" on a source page: each cited passage gets its citation, the passage
 * quoted and the page's citation at the passage's address.
 */
async function checkPassageCitations(root, label) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const source = await firstPage("sources", 'class="cited-by"');
  await page.goto(root + "sources/" + source);
  const found = await page.evaluate(() => Array.from(document.querySelectorAll("details.cited-by li")).map((li) => ({
    anchor: li.querySelector('a[href^="#q-"]')?.getAttribute("href"),
    citation: li.querySelector(".passage-citation .citation")?.textContent || "",
  })));
  for (const { anchor, citation } of found) {
    if (!citation) problems.push(`${label} sources/${source}: passage ${anchor} has no citation`);
    else if (!citation.includes(`sources/${source}${anchor}`)) problems.push(`${label} sources/${source}: the citation of ${anchor} does not give its address: ${citation}`);
  }
  if (!found.length) problems.push(`${label} sources/${source}: no cited passage`);
  await context.close();
  console.log(`${label}: ${found.length} passages of sources/${source} cited`);
}

function serve() {
  const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
    ".xml": "application/xml", ".json": "application/json", ".csv": "text/csv", ".txt": "text/plain" };
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (!path.startsWith(SUB_PATH)) { response.writeHead(404); response.end(); return; }
    let file = join(siteDir, path.slice(SUB_PATH.length));
    if (file.endsWith("/")) file = join(file, "index.html");
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/html" });
      response.end(await readFile(join(siteDir, "404.html")).catch(() => ""));
    }
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

const fileRoot = pathToFileURL(siteDir).href + "/";
await crawl(fileRoot + "index.html", fileRoot, "file://");
await checkSearch(fileRoot + "index.html", "file://");
await checkAccessibility(fileRoot, "file://", "light");
await checkAccessibility(fileRoot, "file://", "dark");
await checkLayout(fileRoot, "file://");
await checkPassageCitations(fileRoot, "file://");
const server = await serve();
const httpRoot = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
await crawl(httpRoot + "index.html", httpRoot, "http");
await checkSearch(httpRoot + "index.html", "http");
server.close();
await browser.close();

for (const problem of problems) console.error(problem);
console.log(`${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
