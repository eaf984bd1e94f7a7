// How a page lays out as a reader meets it, shared by crawl.mjs and long-day.mjs: at
// 1440 px every note in the margin starts within one screen of its reference and none
// overlaps another, and a note kept in the text opens where it is; at 390 px the page is
// no wider than the screen.

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
    const found = { placed: 0, inPlace: 0, worst: 0, far: [], overlaps: [] };
    let above = null;
    for (const note of document.querySelectorAll("main .sidenote")) {
      if (note.classList.contains("in-place")) { found.inPlace++; continue; }
      // The reference, its toggle and its checkbox stand just before the note.
      const ref = note.previousElementSibling.previousElementSibling.previousElementSibling;
      const [n, r] = [note.getBoundingClientRect(), ref.getBoundingClientRect()];
      found.placed++;
      const drift = Math.abs(n.top - r.top);
      found.worst = Math.max(found.worst, drift);
      if (drift > screen) found.far.push(`${note.dataset.note} ${Math.round(drift)} px`);
      if (above && n.top < above.bottom) found.overlaps.push(note.dataset.note);
      above = n;
    }
    return found;
  }, SCREEN);
  const problems = [
    ...notes.far.map((far) => `note ${far} from its reference at 1440 px`),
    ...notes.overlaps.map((note) => `note ${note} overlaps the one above it`),
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
  return { placed: notes.placed, inPlace: notes.inPlace, worst: notes.worst, width, problems };
}
