// The layout of a day far longer than the shipped chronicle's: writes a chronicle with
// hundreds of events on one day, each with notes of several lengths, builds it with
// annalist, and checks the day page in headless Chromium as crawl.mjs checks the shipped
// site: at 1440 px every note in the margin starts within one screen of its reference and
// none overlaps another, a note kept in the text opens where it is; at 390 px the page is
// no wider than the screen.
//
// Usage: node long-day.mjs ANNALIST_BINARY [EVENTS]

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { checkLayout, layoutPages } from "./layout.mjs";

const binary = process.argv[2];
const count = Number(process.argv[3] || 300);
const root = mkdtempSync(join(tmpdir(), "annalist-long-day-"));
const write = (path, text) => {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
};

write("chronicle.toml", `title = "A long day"\nlanguage = "en"\nbase_url = "https://example.org/long/"\n\n[range]\nstart = "2021-06-01"\nend = "2021-06-02"\n`);
// Three lines of the seed per event, cited in one short paragraph, so that its notes
// compete for the margin; every tenth line runs long.
const lines = [];
for (let n = 0; n < count * 3; n++) {
  const long = n % 10 === 0 ? " It went on at length, " + "with more detail than a margin holds, ".repeat(12) + "and ended." : "";
  lines.push(`Report ${n}: something happened at the square.${long}`);
}
write("seeds/reports.txt", lines.join("\n\n") + "\n");
write("content/sources/reports.md", `+++\ntitle = "Reports"\nlanguage = "en"\nkind = "other"\nseed = "seeds/reports.txt"\n+++\n`);
for (let n = 0; n < count; n++) {
  const id = `event-${String(n).padStart(4, "0")}`;
  const quotes = ["a", "b", "c"].map((key, i) =>
    `[[attestations]]\nid = "${key}"\nsource = "reports"\nexact = ${JSON.stringify(lines[n * 3 + i])}\n`).join("\n");
  write(`content/events/${id}.md`,
    `+++\ntitle = "Event ${n}"\nwhen = "2021-06-01"\n\n${quotes}+++\n` +
    `It began.[^a] It went on.[^b] It ended.[^c]\n`);
}
execFileSync(binary, ["build", "--root", root], { stdio: ["ignore", "ignore", "inherit"] });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const views = await layoutPages(browser);
const found = await checkLayout(views, pathToFileURL(join(root, "public", "days", "2021-06-01.html")).href);
const problems = found.problems;
if (found.placed + found.inPlace !== count * 3) problems.push(`${found.placed + found.inPlace} notes for ${count * 3} citations`);
await browser.close();
rmSync(root, { recursive: true, force: true });

console.log(`long day: ${count} events, ${found.placed} notes in the margin (worst ${Math.round(found.worst)} px from its reference), ${found.inPlace} kept in the text; ${found.width} px wide at 390 px`);
for (const problem of problems) console.error(problem);
console.log(`${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
