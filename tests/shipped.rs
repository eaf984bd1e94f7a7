//! The shipped chronicle is itself a test: it builds with no error and no warning, has a
//! page for every day of its range, and every footnote quotes its seed verbatim.

mod common;

use common::*;
use std::path::Path;

#[test]
fn builds_without_warnings_with_a_page_for_every_day() {
    let site = shipped_site();
    assert_eq!(site.diagnostics, "", "the shipped chronicle has warnings");
    for day in 3..=15 {
        let page = site.page(&format!("days/2013-01-{day:02}.html"));
        assert_eq!(select(&page, "h1 time").len(), 1, "day {day}");
    }
    assert!(!site.path("days/2013-01-02.html").exists());
    assert!(!site.path("days/2013-01-16.html").exists());
}

#[test]
fn every_footnote_quotes_its_seed_verbatim_and_links_to_the_passage() {
    let site = shipped_site();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for day in 3..=15 {
        let page = site.page(&format!("days/2013-01-{day:02}.html"));
        // A quote a reading rests on that is a note of the page is pointed to there.
        for see in select(&page, "details.notes li.see-note a") {
            let target = &href(see)[1..];
            assert_eq!(
                select(&page, &format!("details.notes > ol > li[id='{target}'] q")).len(),
                1,
                "{target}"
            );
        }
        // Every quote of a note, those a reading rests on included.
        for note in select(&page, "details.notes li:not(.reading):not(.see-note)") {
            let quote = note.select(&scraper::Selector::parse("q").unwrap()).next().unwrap();
            let link = note.select(&scraper::Selector::parse("a.passage-link").unwrap()).next().unwrap();
            let target = href(link);
            let (source_page, anchor) = target.split_once('#').unwrap();
            let source_id = source_page.trim_start_matches("../sources/").trim_end_matches(".html");
            // The anchor is q-<source>-<byte offset>: the quote must start there in the seed.
            let offset: usize = anchor.rsplit('-').next().unwrap().parse().unwrap();
            let source_file =
                std::fs::read_to_string(root.join(format!("content/sources/{source_id}.md"))).unwrap();
            let seed_path = source_file
                .lines()
                .find_map(|l| l.strip_prefix("seed = \"").and_then(|l| l.strip_suffix('"')))
                .unwrap();
            let seed = std::fs::read_to_string(root.join(seed_path)).unwrap();
            // Spaces may differ in kind (French no-break spaces), never in place.
            let quoted: String = text(quote);
            let in_seed: String = seed[offset..].split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(in_seed.starts_with(&quoted), "{quoted:?} is not at {target}");
            let source = site.page(&format!("sources/{source_id}.html"));
            assert_eq!(select(&source, &format!("mark#{anchor}")).len(), 1, "{target}");
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} footnotes on the day pages");
}

#[test]
fn every_published_url_is_still_built_and_every_page_is_listed() {
    let site = shipped_site();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("published-urls.txt")).unwrap();
    let listed: std::collections::BTreeSet<&str> =
        manifest.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let gone: Vec<&&str> = listed.iter().filter(|url| !site.path(url).is_file()).collect();
    assert!(gone.is_empty(), "published URLs no longer built (list their ids in `former_ids`): {gone:?}");
    let public = &site.public;
    let built: Vec<String> = snapshot_tree(public)
        .into_iter()
        .map(|(path, _)| path.to_string_lossy().replace('\\', "/"))
        .filter(|path| path.ends_with(".html"))
        .collect();
    let unlisted: Vec<&String> = built.iter().filter(|p| !listed.contains(p.as_str())).collect();
    assert!(unlisted.is_empty(), "pages missing from published-urls.txt: {unlisted:?}");
}

/// A sample of what a reader must find, read from the pages as a reader would.
#[test]
fn a_reader_finds_spellings_and_every_position() {
    let site = shipped_site();
    let konna = site.page("places/konna.html");
    let rows: Vec<(String, String)> = select(&konna, "table.names tbody tr")
        .into_iter()
        .map(|row| {
            let cells: Vec<String> = row.select(&scraper::Selector::parse("td").unwrap()).map(text).collect();
            (cells[0].clone(), cells[1].clone())
        })
        .collect();
    let kona = rows.iter().find(|(name, _)| name == "Kona").expect("the spelling Kona is listed");
    assert!(kona.1.contains("Les islamistes progressent vers le sud"), "France 24 spells it Kona: {kona:?}");

    let ansar_dine = site.page("actors/ansar-dine.html");
    let names: Vec<String> =
        select(&ansar_dine, "table.names tbody tr td:first-child").into_iter().map(text).collect();
    for spelling in ["Ansar Dine", "Ansar Edine", "ANSARDINE"] {
        assert!(names.iter().any(|n| n == spelling), "Ansar Dine's page lists {spelling}: {names:?}");
    }
    // Reuters passes on a merchant's count: among the claims it relayed, not its positions.
    let reuters = site.page("actors/reuters.html");
    let relayed: Vec<String> =
        select(&reuters, "section[aria-labelledby='claims-relayed-heading'] p.context a")
            .into_iter()
            .map(href)
            .collect();
    assert!(
        relayed.iter().any(|h| h.starts_with("../compare/death-toll.html#")),
        "Reuters' page links to the figure it relayed in the death-toll comparison: {relayed:?}"
    );
    assert!(select(&reuters, ".actor-positions").is_empty());

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut comparisons = 0;
    for entry in std::fs::read_dir(root.join("content/compare")).unwrap() {
        let path = entry.unwrap().path();
        let comparison = path.file_stem().unwrap().to_string_lossy().to_string();
        let file = std::fs::read_to_string(&path).unwrap();
        let written = file.lines().filter(|l| l.trim() == "[[positions]]").count();
        let page = site.page(&format!("compare/{comparison}.html"));
        let positions = select(&page, "table.positions tbody tr[id]");
        assert!(positions.len() >= 2, "{comparison} sets at least two versions side by side");
        assert_eq!(positions.len(), written, "{comparison} shows every position of its file");
        comparisons += 1;
        for position in positions {
            let cell = |css: &str| position.select(&scraper::Selector::parse(css).unwrap()).next();
            assert!(cell("td.value").is_some_and(|v| !text(v).is_empty()), "{comparison}: a value");
            assert!(cell("q").is_some_and(|q| !text(q).is_empty()), "{comparison}: a verbatim quote");
            assert!(
                cell("th a").is_some_and(|a| href(a).starts_with("../sources/")),
                "{comparison}: its source"
            );
        }
    }
    assert!(comparisons >= 8, "the shipped chronicle has {comparisons} comparisons");
}
