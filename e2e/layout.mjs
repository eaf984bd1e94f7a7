// How a page lays out as a reader meets it, shared by crawl.mjs and long-day.mjs: at
// 1440 px every note in the margin starts within one screen of its reference and none
// overlaps another, and a note kept in the text opens where it is; at 390 px the page is
// no wider than the screen; at both widths every control is a 24 px target and every link
// back from the notes lands on something visible.

const SCREEN = 900;

/** Opens the two pages a check needs, 1440 and 390 px wide. */
export async function layoutPages(browser) {
  const wide = await browser.newContext({ viewport: { width: 1440, height: SCREEN } });
  const narrow = await browser.newContext({ viewport: { width: 390, height: 844 } });
  return { wide: await wide.newPage(), narrow: await narrow.newPage(), close: () => Promise.all([wide.close(), narrow.close()]) };
}

/**
 * Checks `url` on the pages from `layoutPages`; returns what it counted and the problems
 * found, each as a sentence.
 */
export async function checkLayout(pages, url) {
  const { wide, narrow } = pages;
  await wide.goto(url);
  await wide.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const notes = await wide.evaluate((screen) => {
    const found = { placed: 0, inPlace: 0, worst: 0, far: [], overlaps: [], past: [] };
    let above = null;
    for (const note of document.querySelectorAll("main .sidenote")) {
      if (note.classList.contains("in-place")) { found.inPlace++; continue; }
      // The reference (which holds its toggle) and its checkbox stand just before the note.
      const ref = note.previousElementSibling.previousElementSibling;
      const [n, r] = [note.getBoundingClientRect(), ref.getBoundingClientRect()];
      found.placed++;
      const drift = Math.abs(n.top - r.top);
      found.worst = Math.max(found.worst, drift);
      if (drift > screen) found.far.push(`${note.dataset.note} ${Math.round(drift)} px`);
      if (above && n.top < above.bottom) found.overlaps.push(note.dataset.note);
      if (n.bottom > document.querySelector("main").getBoundingClientRect().bottom + 1) found.past.push(note.dataset.note);
      above = n;
    }
    return found;
  }, SCREEN);
  const problems = [
    ...notes.far.map((far) => `note ${far} from its reference at 1440 px`),
    ...notes.overlaps.map((note) => `note ${note} overlaps the one above it`),
    ...notes.past.map((note) => `note ${note} runs past the end of the text into the page's foot`),
  ];
  if (notes.inPlace) {
    await wide.locator("label.sidenote-toggle.in-place").first().click();
    const shown = await wide.evaluate(() => {
      const note = document.querySelector("input.sidenote-toggle.in-place:checked")?.nextElementSibling;
      const box = note?.getBoundingClientRect();
      return Boolean(box && box.height > 0 && box.top >= 0 && box.top < innerHeight);
    });
    if (!shown) problems.push("a note kept in the text does not open where it is");
  }
  await narrow.goto(url);
  const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
  if (width > 390) problems.push(`${width} px wide at 390 px`);
  for (const [page, name] of [[wide, "1440"], [narrow, "390"]]) {
    if (page === wide) await wide.goto(url);
    problems.push(...(await smallTargets(page)).map((t) => `target ${t} smaller than 24×24 px at ${name} px`));
    problems.push(...(await backLinks(page)).map((b) => `${b} at ${name} px`));
  }
  return { placed: notes.placed, inPlace: notes.inPlace, worst: notes.worst, width, problems };
}

/**
 * The controls a reader taps that are smaller than 24×24 px (WCAG 2.2, 2.5.8): note
 * numbers, back-links, toggles, buttons, navigation and the marks of the timeline. Links
 * within a sentence are exempt, as WCAG allows, and so are a map's places, each of which
 * the page also links in its text (WCAG's "equivalent" exception), and visually hidden
 * labels.
 */
async function smallTargets(page) {
  return page.evaluate(() => {
    const controls = "button, summary, label[for]:not(.visually-hidden), .note-ref a, .backrefs a, header nav a, .pager a, svg.timeline a, .search-results a";
    const small = [];
    for (const el of document.querySelectorAll(controls)) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < 23.5 || box.height < 23.5) small.push(`"${el.textContent.trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small.slice(0, 5);
  });
}

/**
 * Every link back from the list of notes leads to something the reader sees, at every
 * width; the first one, followed, puts it on the screen.
 */
async function backLinks(page) {
  const problems = await page.evaluate(() => {
    const list = document.querySelector("details.notes");
    if (list) list.open = true;
    const hidden = [];
    for (const link of document.querySelectorAll(".backrefs a")) {
      const target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      const box = target && target.getBoundingClientRect();
      if (!target || !target.checkVisibility({ visibilityProperty: true }) || box.width === 0 || box.height === 0) {
        hidden.push(`back-link to ${link.getAttribute("href")} leads to nothing visible`);
      }
    }
    return hidden.slice(0, 5);
  });
  const first = page.locator(".backrefs a").first();
  if (await first.count()) {
    await first.click();
    const seen = await page.evaluate(() => {
      const box = document.querySelector(":target")?.getBoundingClientRect();
      return Boolean(box && box.bottom > 0 && box.top < innerHeight);
    });
    if (!seen) problems.push("the first back-link does not bring its reference into view");
  }
  return problems;
}
