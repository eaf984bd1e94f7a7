//! Claims traced to who made them, the editor's readings, figures with their scope, and
//! public corrections, on the `claims` fixture: a ministry's claim relayed by a wire, a
//! radio and a reader; a reading that rests on two quotes; a correction of an event and
//! of the introduction.

mod common;

use common::*;

fn texts(html: &scraper::Html, css: &str) -> Vec<String> {
    select(html, css).into_iter().map(text).collect()
}

fn texts_in(element: scraper::ElementRef, css: &str) -> Vec<String> {
    select_in(element, css).into_iter().map(text).collect()
}

#[test]
fn a_note_names_who_made_the_claim_and_who_passed_it_on_in_order() {
    let site = fixture_site("claims");
    let page = site.page("days/2021-05-02.html");
    let note = select_one(&page, "li[id='fn-retaken-claim-reader']");
    let claim = select_one_in(note, ".claim");
    assert_eq!(text(claim), "Said by Ministry of Defence, via Radio Tarn → a reader, comment 1");
    let links: Vec<String> = select_in(claim, "a").into_iter().map(href).collect();
    assert_eq!(links, ["../actors/ministry.html", "../actors/radio-tarn.html"]);
    // The sidenote carries it too.
    let sidenote = select_one(&page, ".sidenote[data-note='fn-retaken-claim-reader'] .claim");
    assert_eq!(text(sidenote), text(claim));
}

#[test]
fn an_actor_page_lists_the_claims_it_made_and_those_it_passed_on() {
    let site = fixture_site("claims");
    let ministry = site.page("actors/ministry.html");
    let made = select_one(&ministry, "section[aria-labelledby='claims-made-heading']");
    let contexts: Vec<String> = select_in(made, "p.context a").into_iter().map(href).collect();
    assert!(
        contexts.contains(&"../days/2021-05-02.html#fn-retaken-claim-reader".to_string()),
        "{contexts:?}"
    );
    assert!(
        contexts.contains(&"../compare/toll.html#pos-official".to_string()),
        "an unnamed official of the ministry counts for it: {contexts:?}"
    );
    assert!(contexts.contains(&"../index.html#fn-intro-wire".to_string()), "{contexts:?}");
    // The wire's sentence, quoted by the introduction and by the event, is shown once,
    // with both places it is read.
    let wire = "The ministry of defence said on Sunday that the army had retaken the town of Tarn.";
    let shown: Vec<_> = select_in(made, ".quote-in-context")
        .into_iter()
        .filter(|q| texts_in(*q, "blockquote p[lang]") == [wire])
        .collect();
    assert_eq!(shown.len(), 1, "one passage, one quote");
    let places: Vec<String> = select_in(shown[0], "p.context a").into_iter().map(href).collect();
    assert_eq!(places, ["../index.html#fn-intro-wire", "../days/2021-05-02.html#fn-retaken-claim-ministry"]);
    assert!(select(&ministry, "section[aria-labelledby='claims-relayed-heading']").is_empty());

    // The positions it takes, not those it passes on.
    let positions: Vec<String> = texts(&ministry, ".actor-positions li");
    assert_eq!(positions.len(), 2, "{positions:?}");
    let wire = site.page("actors/wire.html");
    assert!(select(&wire, ".actor-positions").is_empty(), "the wire only relays");

    let radio = site.page("actors/radio-tarn.html");
    assert!(select(&radio, "section[aria-labelledby='claims-made-heading']").is_empty());
    let relayed = select_one(&radio, "section[aria-labelledby='claims-relayed-heading']");
    assert_eq!(
        texts_in(relayed, "blockquote p[lang]"),
        ["Radio Tarn says the ministry announced the town was retaken."]
    );
}

#[test]
fn a_reading_is_a_note_with_its_basis_and_the_quotes_it_rests_on() {
    let site = fixture_site("claims");
    let page = site.page("events/retaken-claim.html");
    let reading = select_one(&page, "li.reading");
    assert_eq!(reading.value().attr("id"), Some("fn-retaken-claim-claimed-not-shown"));
    assert!(text(reading).contains("The editor’s reading"), "{}", text(reading));
    assert!(text(reading).contains("the wire says no independent source confirmed it"));
    // Each quote it rests on is shown, or, when it is a note of the page, pointed to.
    let rests_on: Vec<String> = select_in(reading, ".rests-on > ul > li")
        .into_iter()
        .map(|li| match select_in(li, "q").first() {
            Some(q) => text(*q),
            None => {
                let link = select_one_in(li, "a");
                assert!(text(link).starts_with("note "), "{}", text(link));
                let note = select_one(&page, &format!("li[id='{}']", &href(link)[1..]));
                text(select_one_in(note, "q"))
            }
        })
        .collect();
    assert_eq!(
        rests_on,
        [
            "The ministry of defence said on Sunday that the army had retaken the town of Tarn.",
            "No independent source could confirm the recapture.",
        ]
    );
    let marker = select_one(&page, "sup#ref-retaken-claim-claimed-not-shown-1 a");
    assert_eq!(href(marker), "#fn-retaken-claim-claimed-not-shown");
    assert!(select(&page, "li.reading q").iter().all(|q| q.value().attr("cite").is_some()));
}

#[test]
fn a_quote_cited_only_through_a_reading_is_found_from_its_source_page() {
    let site = fixture_site("claims");
    let page = site.page("events/retaken-claim.html");
    let rests: Vec<Option<&str>> =
        select(&page, "li.reading .rests-on li").into_iter().map(|li| li.value().attr("id")).collect();
    // The ministry's quote has a note of its own; the wire's caveat only this one.
    assert_eq!(rests, [None, Some("fn-retaken-claim-unconfirmed")]);

    let wire = site.page("sources/wire.html");
    let links: Vec<String> = select(&wire, "a[href*='#fn-retaken-claim-']").into_iter().map(href).collect();
    assert!(links.iter().any(|l| l.ends_with("#fn-retaken-claim-unconfirmed")), "{links:?}");
    for link in links {
        let (path, anchor) = link.strip_prefix("../").unwrap().split_once('#').unwrap();
        let target = site.page(path);
        assert_eq!(select(&target, &format!("[id='{anchor}']")).len(), 1, "{link} leads nowhere");
    }
}

#[test]
fn figures_are_charted_by_what_they_count_and_cover_with_ranges_as_ranges() {
    let site = fixture_site("claims");
    let page = site.page("compare/toll.html");
    // Only the group with two figures alike is drawn: 12 bodies after one clash stand
    // alone, and are not drawn against the tolls of the whole battle.
    let drawn = select(&page, ".chart-section figure.chart-figure");
    assert_eq!(drawn.len(), 1);
    assert_eq!(texts_in(drawn[0], "figcaption .chart-group"), ["dead"]);
    assert_eq!(texts_in(drawn[0], "figcaption .chart-scope"), ["the whole battle"]);
    // On its own scale: the top of the range, 55, is drawn full width.
    let widths: Vec<f64> = select_in(drawn[0], "rect.chart-bar")
        .into_iter()
        .map(|r| r.value().attr("width").unwrap().parse().unwrap())
        .collect();
    // Largest first: the range up to 55, then 50.
    assert_eq!(widths.len(), 2);
    assert!((widths[0] - 40.0 / 55.0 * 380.0).abs() < 0.1, "the range starts at 40: {widths:?}");
    assert!((widths[1] - 50.0 / 55.0 * 380.0).abs() < 0.1, "{widths:?}");
    let range = select_one_in(drawn[0], "rect.chart-range");
    let end = widths[0] + range.value().attr("width").unwrap().parse::<f64>().unwrap();
    assert!((end - 380.0).abs() < 0.2, "the range runs to 55, the top of its scale: {end}");
    // The table lists every figure, group by group.
    assert_eq!(texts(&page, "table.chart-table td.number"), ["12", "40–55", "50"]);
    assert_eq!(select(&page, "table.chart-table tbody").len(), 2);
}

#[test]
fn positions_that_start_with_one_origin_are_grouped() {
    let site = fixture_site("claims");
    let page = site.page("compare/toll.html");
    let groups = select(&page, "table.positions tbody");
    assert_eq!(groups.len(), 2, "the resident, then the ministry's two figures");
    let same = select_one(&page, "table.positions tbody.same-origin");
    assert_eq!(select_in(same, "tr[id]").len(), 2);
    let heading = select_one_in(same, "tr.origin-row");
    assert!(text(heading).contains("2 positions start with Ministry of Defence"), "{}", text(heading));
    assert_eq!(href(select_one_in(heading, "a")), "../actors/ministry.html");
}

#[test]
fn corrections_show_on_the_page_on_the_corrections_page_and_in_the_feed() {
    let site = fixture_site("claims");
    for page in ["events/retaken-claim.html", "days/2021-05-02.html"] {
        let html = site.page(page);
        let correction = select_one(&html, "article .corrections li");
        assert_eq!(select_one_in(correction, "time").value().attr("datetime"), Some("2021-06-01"));
        assert!(text(correction).contains("A reader claimed the town was retaken."), "{page}");
        assert!(text(correction).contains("The ministry claimed it; a reader relayed the claim."), "{page}");
    }
    let index = site.page("index.html");
    assert_eq!(texts(&index, "main > .corrections time"), ["20 May 2021"]);

    let list = site.page("corrections.html");
    let entries = select(&list, "ul.corrections-list li");
    assert_eq!(entries.len(), 2);
    let first: Vec<String> = select_in(entries[0], "a").into_iter().map(href).collect();
    assert_eq!(
        first,
        ["days/2021-05-02.html#corrections-retaken-claim"],
        "newest first, linked to the correction where the event is read"
    );
    assert_eq!(href(select_one_in(entries[1], "a")), "index.html#corrections");
    // Each link lands on its correction.
    let day = site.page("days/2021-05-02.html");
    let box_ = select_one(&day, "#corrections-retaken-claim");
    assert!(text(box_).contains("A reader claimed the town was retaken."));
    assert_eq!(select_one(&index, "#corrections").value().classes().collect::<Vec<_>>(), ["corrections"]);
    // Under an event's heading, a level below it.
    assert_eq!(select(&day, "article h3.event-title").len(), 1);
    assert_eq!(select(&day, "article .corrections h4").len(), 1);
    assert_eq!(
        href(select_one(&index, "footer a")),
        "corrections.html",
        "every page links to the corrections"
    );

    let feed = site.page("feed.xml");
    let updated: Vec<String> = texts(&feed, "entry updated");
    assert_eq!(
        updated,
        ["2021-06-01T00:00:00Z", "2021-06-01T00:00:00Z"],
        "the corrections, then the corrected event"
    );
    assert_eq!(text(select_one(&feed, "feed > updated")), "2021-06-01T00:00:00Z");
    let summary = text(select(&feed, "entry summary")[1]);
    assert!(summary.contains("Corrected 1 June 2021. It said: A reader claimed"), "{summary}");
}

#[test]
fn every_sentence_is_counted_and_this_chronicle_footnotes_all() {
    let site = fixture_site("claims");
    let coverage = site.summary.coverage;
    assert_eq!(coverage.sentences, coverage.sentences_footnoted);
    assert_eq!(
        coverage.sentences, 9,
        "3 in the event, 2 in the reading, 3 in the day note, 1 in the introduction"
    );
    assert!(site.diagnostics.is_empty(), "{}", site.diagnostics);
}

#[test]
fn the_data_exports_carry_who_made_each_claim_and_the_corrections() {
    let site = fixture_site("claims");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.path("data/events.json")).unwrap()).unwrap();
    let event = &json[0];
    let reader =
        event["attestations"].as_array().unwrap().iter().find(|a| a["source"] == "comments").unwrap();
    assert_eq!(reader["said_by"], serde_json::json!([{ "actor": "ministry" }]));
    assert_eq!(
        reader["via"],
        serde_json::json!([{ "actor": "radio-tarn" }, { "unnamed": "a reader, comment 1", "part_of": null }])
    );
    assert_eq!(event["corrections"][0]["date"], "2021-06-01");
    let csv = std::fs::read_to_string(site.path("data/events.csv")).unwrap();
    assert!(csv.contains(",ministry,\"radio-tarn > a reader, comment 1\","), "{csv}");
}

#[test]
fn a_correction_after_the_chronicles_date_is_a_warning() {
    let dir = copy_fixture("claims");
    let config = dir.path().join("chronicle.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("language = \"en\"", "language = \"en\"\nupdated = \"2021-05-25\"");
    std::fs::write(&config, text).unwrap();
    let options = annalist::Options { root: dir.path().to_path_buf(), output: None, base_url: None };
    let mut diagnostics = annalist::diagnostics::Diagnostics::default();
    annalist::check(&options, &mut diagnostics).expect("a warning does not stop the check");
    let report = diagnostics.to_string();
    assert_eq!(diagnostics.warning_count(), 1, "{report}");
    assert!(report
        .contains("this correction is dated 2021-06-01, after the chronicle's `updated` date, 2021-05-25"));
    assert!(report.contains("content/events/retaken-claim.md:"), "{report}");
    assert!(report.contains("set `updated = \"2021-06-01\"` in chronicle.toml"), "{report}");
}
