//! Pages stay bounded when the chronicle is large: long lists continue on further pages
//! with stable addresses, the front page names only the first events of a long context
//! list, and the search index and the link previews come in small pieces.

mod common;

use common::*;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const EVENTS: usize = 120;
const UNDATED: usize = 60;
const ACTORS: usize = 520;

/// A chronicle of `EVENTS` events on one day and `UNDATED` undated ones, all naming the
/// actor `everyone` and each an actor of its own; `ACTORS` actors in all (those no event
/// names are only warned about).
fn write_chronicle(root: &Path) {
    let write = |path: &str, text: String| write_file(root, path, &text);
    write(
        "chronicle.toml",
        "title = \"A long day\"\nlanguage = \"en\"\nbase_url = \"https://example.org/long/\"\n\n[range]\nstart = \"2021-06-01\"\nend = \"2021-06-02\"\n".into(),
    );
    let mut seed = String::new();
    for n in 0..EVENTS + UNDATED {
        let _ = writeln!(seed, "Report number {n} says that something happened.");
    }
    write("seeds/reports.txt", seed);
    write(
        "content/sources/reports.md",
        "+++\ntitle = \"Reports\"\nlanguage = \"en\"\nkind = \"statement\"\nseed = \"seeds/reports.txt\"\n+++\n".into(),
    );
    write("content/actors/everyone.md", "+++\nname = \"Everyone\"\nkind = \"other\"\n+++\n".into());
    for n in 0..ACTORS {
        write(
            &format!("content/actors/actor-{n:04}.md"),
            format!("+++\nname = \"Actor {n:04}\"\nkind = \"person\"\n+++\n"),
        );
    }
    for n in 0..EVENTS + UNDATED {
        let (when, basis) = if n < EVENTS {
            (format!("2021-06-01T{:02}:{:02}Z", n / 60, n % 60), String::new())
        } else {
            ("undated".to_string(), "date_basis = \"No source dates it.\"\n".to_string())
        };
        let own = if n < ACTORS { format!(", \"actor-{n:04}\"") } else { String::new() };
        write(
            &format!("content/events/event-{n:04}.md"),
            format!(
                "+++\ntitle = \"Event {n:04}\"\nwhen = \"{when}\"\n{basis}actors = [\"everyone\"{own}]\n\n[[attestations]]\nsource = \"reports\"\nexact = \"Report number {n} says\"\n+++\nSomething happened.[^reports]\n"
            ),
        );
    }
}

fn site() -> &'static Site {
    generated_site("generated", write_chronicle)
}

#[test]
fn an_actor_named_by_many_events_has_its_events_on_several_pages() {
    let site = site();
    let first = site.page("actors/everyone.html");
    let lines = |page: &scraper::Html| -> Vec<String> {
        select(page, "section[aria-labelledby=events-heading] ul.event-lines li a")
            .into_iter()
            .map(text)
            .collect()
    };
    assert_eq!(lines(&first).len(), 50);
    assert_eq!(lines(&first)[0], "Event 0000");
    assert_eq!(text(select_one(&first, ".range-shown")), "Events 1 to 50 of 180");
    // A pager under the list of events, and another at the foot of the page.
    assert_eq!(select(&first, "nav.pager").len(), 2);
    let pages: Vec<String> = select(&first, "nav.pager ol a").into_iter().take(3).map(href).collect();
    assert_eq!(
        pages,
        ["../actors/everyone/2.html", "../actors/everyone/3.html", "../actors/everyone/4.html"]
    );
    assert_eq!(text(select(&first, "nav.pager [aria-current=page]")[0]), "1", "the current page is no link");
    assert_eq!(href(select(&first, "nav.pager a[rel=next]")[0]), "../actors/everyone/2.html");
    assert_eq!(text(select_one(&first, "title")), "Everyone · A long day");

    let second = site.page("actors/everyone/2.html");
    assert_eq!(lines(&second)[0], "Event 0050");
    assert!(select(&second, "table.names").is_empty(), "names and profile are on the first page only");
    assert_eq!(href(select(&second, "nav.pager a[rel=prev]")[0]), "../../actors/everyone.html");
    assert_eq!(text(select_one(&second, "title")), "Everyone, page 2 · A long day");
    let event = select(&second, "section[aria-labelledby=events-heading] ul.event-lines li a")[0];
    assert_eq!(href(event), "../../days/2021-06-01.html#event-0050", "links climb out of the extra folder");
    select_one(&second, "link[rel=stylesheet][href='../../style.css']");

    let last = site.page("actors/everyone/4.html");
    assert_eq!(lines(&last).len(), 30, "180 events: 50, 50, 50 and 30");
    assert!(!site.path("actors/everyone/5.html").exists());
    let sitemap = fs::read_to_string(site.path("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/long/actors/everyone/4.html</loc>"));
}

#[test]
fn a_long_list_of_actors_continues_on_a_second_page() {
    let site = site();
    let first = site.page("actors/index.html");
    let second = site.page("actors/index/2.html");
    let count = |page: &scraper::Html| select(page, "ul.index-list li a").len();
    assert_eq!(count(&first) + count(&second), ACTORS + 1);
    assert_eq!(count(&first), 500);
    assert_eq!(select(&second, "table.matrix").len(), 0, "the matrix is on the first page");
    let matrix_rows = select(&first, "table.matrix tbody tr").len();
    assert!(matrix_rows <= 60, "the matrix shows the actors named most often: {matrix_rows}");
    assert!(text(select_one(&first, "table.matrix caption")).contains("Only the 60 actors named most often"));
}

#[test]
fn the_front_page_names_the_first_events_of_a_long_context_list() {
    let site = site();
    let index = site.page("index.html");
    let undated = select(&index, "section[aria-labelledby=undated-heading] li a");
    assert_eq!(undated.len(), 50);
    let all = select_one(&index, "section[aria-labelledby=undated-heading] .all-of a");
    assert_eq!((text(all), href(all)), ("All 60 events".to_string(), "days/undated.html".to_string()));
    let list = site.page("days/undated.html");
    assert_eq!(select(&list, "ul.event-lines li").len(), UNDATED);
    // The list of days, and the same read down a phone's screen in place of the timeline.
    for list in [".days-list", ".days-phone"] {
        let day = select(&index, &format!("{list} > li"));
        assert_eq!(day.len(), 2);
        let headlines = select(&index, &format!("{list} li ul li"));
        assert_eq!(headlines.len(), 5, "a day names its first five events");
        assert_eq!(text(select(&index, &format!("{list} .day-counts"))[0]), "115 more events");
    }
}

#[test]
fn the_search_index_comes_in_small_pieces() {
    let site = site();
    let mut largest = 0;
    for entry in fs::read_dir(site.path("search")).unwrap() {
        let entry = entry.unwrap();
        largest = largest.max(entry.metadata().unwrap().len());
    }
    let meta = fs::metadata(site.path("search/meta.js")).unwrap().len();
    assert!(largest < 64 * 1024, "no piece of the index is over 64 KB: {largest}");
    assert!(meta < 4 * 1024, "the first piece a search loads is small: {meta}");
}

#[test]
fn the_link_previews_come_in_small_shards_that_hold_every_event_and_actor() {
    let site = site();
    let meta = fs::read_to_string(site.path("previews/meta.js")).unwrap();
    let shards: usize = meta.split("\"shards\":").nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
    assert!(shards > 1, "{shards} shards");
    let mut largest = 0;
    let mut all = String::new();
    for n in 0..shards {
        let shard = fs::read_to_string(site.path(&format!("previews/{n}.js"))).unwrap();
        largest = largest.max(shard.len());
        all.push_str(&shard);
    }
    assert!(largest < 64 * 1024, "no shard is over 64 KB: {largest}");
    for n in 0..EVENTS + UNDATED {
        assert!(all.contains(&format!("\"Event {n:04}\"")), "event {n} has a preview");
    }
    for n in 0..ACTORS {
        assert!(
            all.contains(&format!("\"actors/actor-{n:04}.html\":[1,\"Actor {n:04}\"")),
            "actor {n} has a preview"
        );
    }
}

/// Over a year, the timeline's columns are months: each counts its events, and only the
/// headlines are marked; the actor matrix has month columns too.
#[test]
fn a_year_long_range_is_drawn_by_month() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |path: &str, text: String| write_file(root, path, &text);
    write(
        "chronicle.toml",
        "title = \"A year\"\nlanguage = \"en\"\nbase_url = \"https://example.org/year/\"\n\n[range]\nstart = \"2021-01-01\"\nend = \"2021-12-31\"\n".into(),
    );
    let mut seed = String::new();
    for n in 0..36 {
        let _ = writeln!(seed, "Entry {n} of the log.");
    }
    write("seeds/log.txt", seed);
    write(
        "content/sources/log.md",
        "+++\ntitle = \"Log\"\nlanguage = \"en\"\nkind = \"statement\"\nseed = \"seeds/log.txt\"\n+++\n"
            .into(),
    );
    write("content/actors/crew.md", "+++\nname = \"The crew\"\nkind = \"other\"\n+++\n".into());
    for n in 0..36 {
        let headline = if n == 13 { "headline = true\n" } else { "" };
        write(
            &format!("content/events/entry-{n:02}.md"),
            format!(
                "+++\ntitle = \"Entry {n}\"\nwhen = \"2021-{:02}-{:02}\"\n{headline}actors = [\"crew\"]\n\n[[attestations]]\nsource = \"log\"\nexact = \"Entry {n} of the log.\"\n+++\nIt happened.[^log]\n",
                n / 3 + 1,
                n % 3 * 9 + 1
            ),
        );
    }
    let site = build_at(root);
    let index = site.page("index.html");
    let counts = select(&index, "svg.timeline a.tl-count");
    assert_eq!(counts.len(), 12, "a column a month");
    let title = counts[1].select(&scraper::Selector::parse("title").unwrap()).next().map(text).unwrap();
    assert_eq!(title, "February 2021: 3 events");
    assert_eq!(href(counts[1]), "days/2021-02-01.html");
    let marks: Vec<&str> = select(&index, "svg.timeline a.tl-mark")
        .into_iter()
        .map(|m| m.value().attr("data-event").unwrap())
        .collect();
    assert_eq!(marks, ["entry-13"], "only the headline is marked");
    let months: Vec<String> = select(&index, "svg.timeline .tl-day").into_iter().map(text).collect();
    assert_eq!(months[..3], ["Jan", "Feb", "Mar"]);
    let years: Vec<String> =
        select(&index, "svg.timeline .tl-top").into_iter().map(text).filter(|t| !t.is_empty()).collect();
    assert_eq!(years, ["2021"], "the year is said once");

    let actors = site.page("actors/index.html");
    assert_eq!(
        select(&actors, "table.matrix thead th[scope=col]").len(),
        13,
        "the actor, then twelve months"
    );
    let cell = select(&actors, "table.matrix td.on a")[0];
    assert_eq!(text(cell), "January 2021: 3 events3", "what a screen reader hears, then the count shown");
    assert_eq!(href(cell), "../days/2021-01-01.html#entry-00");
}
