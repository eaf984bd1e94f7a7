// Link previews in headless Chromium, from file://: on a day page at 1440 px, resting the
// mouse on an actor's link shows a preview with the actor's name, inside the window and
// clear of the link, which stays open while the pointer moves into it and closes once it
// leaves; a quoted passage's link previews the passage; reaching an event's link with the
// keyboard shows its preview and Escape closes it; at 390 px the preview stays inside the
// screen; on a touch screen a tap follows the link and shows nothing. axe-core checks the
// open preview in light and dark mode. With SHOTS=DIR it
// also saves an open preview at 1440 px, light and dark, as DIR/preview-light.png and
// DIR/preview-dark.png.
//
// Usage: node previews.mjs SITE_DIR

import { chromium } from "playwright-core";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const site = process.argv[2] || "../public";
const shots = process.env.SHOTS;
const problems = [];
const check = (ok, problem) => { if (!ok) problems.push(problem); };
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

// The first day page with an actor's link in an event and a line of the day at a glance.
const days = readdirSync(join(site, "days")).filter((f) => /^\d{4}-\d\d-\d\d\.html$/.test(f)).sort();
const day = days.find((f) => {
  const html = readFileSync(join(site, "days", f), "utf8");
  return html.includes('class="day-glance"') && /<article[^]*?href="\.\.\/actors\/[a-z0-9-]+\.html"/.test(html);
});
if (!day) {
  console.error("no day page with an actor's link and a day at a glance");
  process.exit(1);
}
const url = pathToFileURL(join(site, "days", day)).href;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});

/** The open preview's box, text and title, or null when none shows. */
const preview = (page) => page.evaluate(() => {
  const box = document.querySelector(".preview");
  if (!box || box.hidden) return null;
  const r = box.getBoundingClientRect();
  return {
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    title: box.querySelector(".preview-title")?.textContent ?? "",
    kind: box.querySelector(".preview-kind")?.textContent ?? "",
    quote: box.querySelector(".preview-quote")?.textContent ?? "",
    role: box.getAttribute("role"),
    id: box.id,
  };
});

const waitForPreview = (page) =>
  page.waitForFunction(() => { const b = document.querySelector(".preview"); return b && !b.hidden; }, null, { timeout: 3000 })
    .then(() => true, () => false);
const waitForClosed = (page) =>
  page.waitForFunction(() => { const b = document.querySelector(".preview"); return !b || b.hidden; }, null, { timeout: 3000 })
    .then(() => true, () => false);

/** Whether the preview lies inside the window and clear of every line of the link. */
async function placement(page, link, shown, where) {
  const { width, height, rects, described } = await link.evaluate((a) => ({
    width: document.documentElement.clientWidth,
    height: innerHeight,
    rects: [...a.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
    described: a.getAttribute("aria-describedby") || "",
  }));
  const r = shown.rect;
  check(r.left >= 0 && r.top >= 0 && r.right <= width && r.bottom <= height,
    `${where}: the preview runs out of the window (${JSON.stringify(r)} in ${width}×${height})`);
  for (const l of rects) {
    const overlaps = r.left < l.right && l.left < r.right && r.top < l.bottom && l.top < r.bottom;
    check(!overlaps, `${where}: the preview covers its link`);
  }
  check(described.split(" ").includes(shown.id), `${where}: the link is not described by its open preview`);
  check(shown.role === "tooltip", `${where}: the preview has no tooltip role`);
}

/** axe-core on the open preview: serious and critical violations are problems. */
async function audit(page, colorScheme) {
  audited.add(page);
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await window.axe.run(".preview")).violations);
  for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
    problems.push(`${colorScheme}: the open preview: ${v.impact} accessibility violation ${v.id}: ${v.help}`);
  }
}

const errors = [];
// axe-core reads the style sheets, which file:// refuses it: what a page logs once axe-core
// is in it is axe-core's, so it runs last on each page.
const audited = new Set();
async function open(context) {
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error" && !audited.has(page)) errors.push(m.text()); });
  await page.goto(url);
  return page;
}

const actorLink = (page) => page.locator("main article a[href^='../actors/']").first();

for (const colorScheme of ["light", "dark"]) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme });
  const page = await open(context);
  // An actor: the preview names it as its own page does.
  const link = actorLink(page);
  await link.scrollIntoViewIfNeeded();
  const href = await link.evaluate((a) => a.href);
  await link.hover();
  check(await waitForPreview(page), `${colorScheme}: no preview on an actor's link`);
  const shown = await preview(page);
  if (shown) {
    const actorPage = await context.newPage();
    await actorPage.goto(href);
    const name = (await actorPage.locator("main h1").first().textContent()).trim();
    await actorPage.close();
    check(shown.title === name, `${colorScheme}: the actor's preview says "${shown.title}", not "${name}"`);
    await placement(page, link, shown, `${colorScheme}, actor`);
    if (shots) await page.screenshot({ path: join(shots, `preview-${colorScheme}.png`) });
  }
  if (colorScheme === "dark") {
    if (shown) await audit(page, colorScheme);
    await context.close();
    continue;
  }

  // The pointer may move into the preview; once it leaves both, the preview closes.
  if (shown) {
    await page.mouse.move((shown.rect.left + shown.rect.right) / 2, (shown.rect.top + shown.rect.bottom) / 2, { steps: 4 });
    await page.waitForTimeout(700);
    check(await preview(page), "the preview closes as the pointer moves into it");
    await page.mouse.move(2, 890);
    check(await waitForClosed(page), "the preview stays open after the pointer left it");
  }

  // A quoted passage, from a note in the margin.
  const passage = page.locator("main .sidenote a[href*='.html#q-']").first();
  if (await passage.count()) {
    await passage.scrollIntoViewIfNeeded();
    await passage.hover();
    check(await waitForPreview(page), "no preview on a quoted passage's link");
    const quoted = await preview(page);
    check(quoted && quoted.quote.length > 0, "a passage's preview shows no passage");
    if (quoted) await placement(page, passage, quoted, "passage");
    await page.mouse.move(2, 890);
    await waitForClosed(page);
  }

  // An event, reached with the keyboard; Escape closes its preview.
  const event = page.locator("main .day-glance a").first();
  const eventTitle = (await event.textContent()).trim();
  await page.evaluate(() => { window.scrollTo(0, 0); document.activeElement?.blur(); });
  let reached = false;
  for (let i = 0; i < 200 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await event.evaluate((a) => document.activeElement === a);
  }
  check(reached, "the keyboard does not reach the day's first event");
  if (reached) {
    check(await waitForPreview(page), "no preview on an event's link reached with the keyboard");
    const focused = await preview(page);
    if (focused) {
      check(focused.title === eventTitle, `the event's preview says "${focused.title}", not "${eventTitle}"`);
      await placement(page, event, focused, "event, keyboard");
      check(await event.evaluate((a) => document.activeElement === a), "the preview took the focus");
    }
    await page.keyboard.press("Escape");
    check(await waitForClosed(page), "Escape does not close the preview");
    check(!(await event.getAttribute("aria-describedby")), "the link stays described by a closed preview");
  }
  await link.scrollIntoViewIfNeeded();
  await link.hover();
  if (await waitForPreview(page)) await audit(page, colorScheme);
  await context.close();
}

// A phone-wide window with a mouse: the preview stays inside it.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await open(context);
  const link = actorLink(page);
  await link.scrollIntoViewIfNeeded();
  await link.hover();
  check(await waitForPreview(page), "390 px: no preview on an actor's link");
  const shown = await preview(page);
  if (shown) await placement(page, link, shown, "390 px");
  await context.close();
}

// A touch screen: a tap follows the link, and no preview shows.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await open(context);
  const link = actorLink(page);
  await link.scrollIntoViewIfNeeded();
  // The tap's navigation is held back, so that what it left on the page can be seen.
  await page.evaluate(() => {
    window.followed = 0;
    document.addEventListener("click", (e) => { if (e.target.closest("a")) { window.followed++; e.preventDefault(); } });
  });
  await link.tap();
  await page.waitForTimeout(900);
  check(await page.evaluate(() => window.followed) === 1, "touch: the tap did not follow the link");
  check(!(await preview(page)), "touch: a tap shows a preview");
  await context.close();
}

await browser.close();
for (const error of errors) problems.push(`console: ${error}`);
console.log(`previews on ${day}: actor, passage and event checked at 1440 px, light and dark; 390 px; touch`);
for (const problem of problems) console.error(problem);
console.log(`${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
