//! Builds the `basic` fixture and checks, on the parsed HTML, what a reader finds.

mod common;

use common::*;

#[test]
fn every_day_of_the_range_has_a_page_and_every_page_kind_exists() {
    let site = fixture_site("basic");
    for day in ["2020-03-01", "2020-03-02", "2020-03-03", "2020-03-04"] {
        assert!(site.path(&format!("days/{day}.html")).is_file(), "{day}");
    }
    assert!(!site.path("days/2020-02-29.html").exists());
    assert!(!site.path("days/2020-03-05.html").exists());
    for page in [
        "index.html",
        "events/karo-captured.html",
        "actors/index.html",
        "actors/rebels.html",
        "places/index.html",
        "places/karo.html",
        "sources/index.html",
        "sources/dispatch.html",
        "compare/index.html",
        "compare/death-toll.html",
        "style.css",
    ] {
        assert!(site.path(page).is_file(), "{page}");
    }
    assert_eq!(site.summary.events, 3);
    assert_eq!(site.summary.quotes, 7);
    assert_eq!(site.diagnostics, "", "the fixture builds without warnings");
}

#[test]
fn a_footnote_links_to_the_highlighted_quote_and_the_quote_links_back() {
    let site = fixture_site("basic");
    let day = site.page("days/2020-03-01.html");
    let marker =
        select_one(&day, "#karo-captured .narrative sup.note-ref a[href='#fn-karo-captured-dispatch']");
    assert_eq!(text(marker), "[2]");

    let note = select_one(&day, "li#fn-karo-captured-dispatch");
    let quote = select_one(&day, "li#fn-karo-captured-dispatch q");
    assert_eq!(quote.value().attr("lang"), Some("fr"));
    assert_eq!(text(quote), "La ville de Karo est tombée dimanche aux mains des rebelles.");
    assert!(text(note)
        .contains("Our translation: “The town of Karo fell on Sunday into the hands of the rebels.”"));
    let back = select_one(&day, "li#fn-karo-captured-dispatch .backrefs a");
    assert_eq!(href(back), "#ref-karo-captured-dispatch-1");
    select_one(&day, "sup#ref-karo-captured-dispatch-1");

    let passage_link = select_one(&day, "li#fn-karo-captured-dispatch a.passage-link");
    assert_eq!(href(passage_link), "../sources/dispatch.html#q-dispatch-0");

    let source = site.page("sources/dispatch.html");
    let mark = select_one(&source, "mark#q-dispatch-0");
    assert_eq!(mark.value().attr("class"), Some("quote depth-1"));
    let highlighted: String = select(&source, "#p-1 mark").into_iter().flat_map(|m| m.text()).collect();
    assert_eq!(highlighted, "La ville de Karo est tombée dimanche aux mains des rebelles.");
    let names: Vec<(String, String)> =
        select(&source, "#p-1 a.name").into_iter().map(|a| (text(a), href(a))).collect();
    assert_eq!(
        names,
        [
            ("Karo".to_string(), "../places/karo.html".to_string()),
            ("rebelles".to_string(), "../actors/rebels.html".to_string()),
        ],
        "names are linked by alias"
    );
    let backlinks: Vec<String> = select(&source, "#p-1 .cited-by a").into_iter().map(href).collect();
    assert!(
        backlinks.contains(&"../days/2020-03-01.html#fn-karo-captured-dispatch".to_string()),
        "{backlinks:?}"
    );
    assert!(backlinks.contains(&"../days/2020-03-01.html#fn-day-dispatch".to_string()), "{backlinks:?}");
}

#[test]
fn a_day_without_dated_events_shows_what_is_ongoing_and_links_to_its_neighbours() {
    let site = fixture_site("basic");
    let day = site.page("days/2020-03-03.html");
    assert!(select(&day, "article.event").is_empty());
    let ongoing = select_one(&day, ".ongoing li a");
    assert_eq!(text(ongoing), "Fighting around Karo");
    assert_eq!(href(ongoing), "../days/2020-03-02.html#fighting");
    assert_eq!(href(select_one(&day, "a[rel=prev]")), "../days/2020-03-02.html");
    assert_eq!(href(select_one(&day, "a[rel=next]")), "../days/2020-03-04.html");

    let last = site.page("days/2020-03-04.html");
    assert!(select(&last, "a[rel=next]").is_empty());
    assert_eq!(text(select_one(&last, "p.empty")), "The sources date no event to this day.");
}

#[test]
fn context_events_outside_the_range_are_listed_on_the_index() {
    let site = fixture_site("basic");
    let index = site.page("index.html");
    let before = select_one(&index, "section[aria-labelledby=before-heading] li a");
    assert_eq!(text(before), "Talks fail");
    assert_eq!(href(before), "events/talks-failed.html");
    let headline = select_one(&index, ".days-list li a[href='days/2020-03-01.html#karo-captured']");
    assert_eq!(text(headline), "Rebels capture Karo");
}

#[test]
fn an_actor_page_lists_its_events_and_name_variants() {
    let site = fixture_site("basic");
    let actor = site.page("actors/rebels.html");
    let events: Vec<String> =
        select(&actor, "section[aria-labelledby=events-heading] li a").into_iter().map(text).collect();
    assert_eq!(events, ["Rebels capture Karo", "Fighting around Karo"]);
    let rows: Vec<(String, String)> = select(&actor, "table.names tbody tr")
        .into_iter()
        .map(|row| {
            let cells = row.select(&scraper::Selector::parse("td").unwrap()).map(text).collect::<Vec<_>>();
            (cells[0].clone(), cells[1].clone())
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("The rebels".to_string(), "no source".to_string()),
            ("rebels".to_string(), "Siege of Example".to_string()),
            ("rebelles".to_string(), "La ville de Karo tombe".to_string()),
        ]
    );
}

#[test]
fn a_comparison_shows_each_position_with_its_quote() {
    let site = fixture_site("basic");
    let page = site.page("compare/death-toll.html");
    let rows = select(&page, "table.positions tbody tr");
    assert_eq!(rows.len(), 2);
    let values: Vec<String> = select(&page, "td.value").into_iter().map(text).collect();
    assert_eq!(values, ["about 100 rebels", "40 dead"]);
    let first = select_one(&page, "tr#pos-dispatch q");
    assert_eq!(text(first), "une centaine de rebelles ont été tués");
    assert_eq!(
        href(select_one(&page, "tr#pos-encyclopedia td a")),
        "../sources/encyclopedia.html#q-encyclopedia-80"
    );
    assert!(text(select_one(&page, "tr#pos-dispatch")).contains("the army (The garrison), 2 March 2020"));
    assert_eq!(href(select_one(&page, "tr#pos-dispatch .claim a")), "../actors/garrison.html");
}

#[test]
fn a_reading_cites_positions_and_an_actor_lists_the_positions_it_took() {
    let site = fixture_site("basic");
    let page = site.page("compare/death-toll.html");
    let note = select_one(&page, ".reading sup.note-ref a");
    let target = href(note).trim_start_matches('#').to_string();
    let footnote = select_one(&page, &format!("[id='{target}']"));
    assert!(text(footnote).contains("une centaine de rebelles ont été tués"), "{}", text(footnote));

    let garrison = site.page("actors/garrison.html");
    let links: Vec<String> = select(&garrison, ".actor-positions a").into_iter().map(href).collect();
    assert_eq!(links, ["../compare/death-toll.html", "../compare/death-toll.html#pos-dispatch"]);
}

#[test]
fn links_are_relative_and_absolute_urls_use_the_base_url() {
    let site = fixture_site("basic");
    let page = site.page("places/karo.html");
    let canonical = select_one(&page, "link[rel=canonical]");
    assert_eq!(canonical.value().attr("href"), Some("https://example.org/siege/places/karo.html"));
    for link in select(&page, "a[href]") {
        let target = href(link);
        assert!(!target.starts_with('/') && !target.contains("://"), "{target}");
    }
}

#[test]
fn a_paragraph_set_aside_says_why_it_is_not_cited() {
    let site = fixture_site("basic");
    let source = site.page("sources/dispatch.html");
    let note = select_one(&source, "#p-4 .uncited");
    assert_eq!(
        text(note),
        "Not cited, editor’s note: Says the fighting lasted until Wednesday, which no other source confirms."
    );
    assert!(select(&source, "#p-4 mark").is_empty());
}

#[test]
fn a_former_id_leaves_a_redirect_to_the_current_page() {
    let site = fixture_site("basic");
    let page = site.page("events/karo-falls.html");
    let refresh = select_one(&page, "meta[http-equiv=refresh]");
    assert_eq!(refresh.value().attr("content"), Some("0; url=../events/karo-captured.html"));
    assert_eq!(href(select_one(&page, "body a")), "../events/karo-captured.html");
    let canonical = select_one(&page, "link[rel=canonical]");
    assert_eq!(canonical.value().attr("href"), Some("https://example.org/siege/events/karo-captured.html"));
}

#[test]
fn sitemap_feed_and_robots_use_the_base_url() {
    let site = fixture_site("basic");
    let sitemap = std::fs::read_to_string(site.path("sitemap.xml")).unwrap();
    let locations: Vec<&str> = sitemap
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<url><loc>")?.strip_suffix("</loc></url>"))
        .collect();
    assert_eq!(locations.len(), 20, "every page but 404.html and redirects");
    assert!(locations.contains(&"https://example.org/siege/days/index.html"), "the list of days");
    assert!(locations.contains(&"https://example.org/siege/"));
    assert!(locations.contains(&"https://example.org/siege/days/2020-03-04.html"));
    assert!(!locations.iter().any(|l| l.ends_with("404.html") || l.ends_with("karo-falls.html")));

    let feed = site.page("feed.xml");
    let ids: Vec<String> = select(&feed, "entry id").into_iter().map(text).collect();
    assert_eq!(
        ids,
        [
            "https://example.org/siege/events/fighting.html",
            "https://example.org/siege/events/karo-captured.html",
            "https://example.org/siege/events/talks-failed.html",
        ]
    );
    let robots = std::fs::read_to_string(site.path("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/siege/sitemap.xml"));

    let not_found = site.page("404.html");
    for link in select(&not_found, "a[href]") {
        assert!(
            href(link).starts_with("https://example.org/siege/") || href(link).starts_with('#'),
            "{}",
            href(link)
        );
    }
}

#[test]
fn data_exports_list_every_event_and_every_attestation() {
    let site = fixture_site("basic");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.path("data/events.json")).unwrap()).unwrap();
    let events = json.as_array().unwrap();
    assert_eq!(events.len(), 3);
    let fighting = events.iter().find(|e| e["id"] == "fighting").unwrap();
    assert_eq!(fighting["when"], "2020-03-02/2020-03-03");
    assert_eq!(fighting["precision"], "range");
    assert_eq!(fighting["attestations"][0]["quote"], "Fighting went on from 2 to 3 March.");

    let csv = std::fs::read_to_string(site.path("data/events.csv")).unwrap();
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows[0], "date,precision,event,actors,places,source,quote,translation,said_by,via,url");
    assert_eq!(rows.len(), 1 + 4, "one row per attestation");
    assert!(rows.contains(
        &"2020-02-20,day,talks-failed,,,encyclopedia,\"on 20 February 2020, talks had failed\",,,,https://example.org/siege/sources/encyclopedia.html#q-encyclopedia-117"
    ));
}

#[test]
fn every_page_can_be_cited_and_read_by_reference_managers() {
    let site = fixture_site("basic");
    let page = site.page("events/karo-captured.html");
    let meta = |name: &str| {
        select_one(&page, &format!("meta[name='{name}']")).value().attr("content").unwrap().to_string()
    };
    assert_eq!(meta("citation_title"), "Rebels capture Karo");
    assert_eq!(meta("citation_public_url"), "https://example.org/siege/events/karo-captured.html");
    assert_eq!(meta("DC.identifier"), "https://example.org/siege/events/karo-captured.html");

    let ld: serde_json::Value =
        serde_json::from_str(&text(select_one(&page, "script[type='application/ld+json']"))).unwrap();
    assert_eq!(ld["@type"], "Event");
    assert_eq!(ld["startDate"], "2020-03-01");
    assert_eq!(ld["location"][0]["name"], "Karo");

    let citation = text(select_one(&page, ".cite .citation"));
    assert!(citation.starts_with("“Rebels capture Karo.” In The Siege of Example, version "), "{citation}");
    // Each export is the text of a `pre`, which the theme's script offers as a download.
    let exports: Vec<(String, String)> = select(&page, ".cite pre.cite-export")
        .into_iter()
        .map(|pre| (pre.value().attr("data-filename").unwrap().to_string(), pre.text().collect::<String>()))
        .collect();
    let names: Vec<&str> = exports.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["events-karo-captured.bib", "events-karo-captured.ris", "events-karo-captured.json"]);
    assert!(exports[0].1.starts_with("@misc{events-karo-captured,\n  title = {{Rebels capture Karo}},"));
    assert!(exports[1].1.contains("UR  - https://example.org/siege/events/karo-captured.html\n"));
    let csl: serde_json::Value = serde_json::from_str(&exports[2].1).unwrap();
    assert_eq!(csl[0]["type"], "webpage");
    assert_eq!(csl[0]["container-title"], "The Siege of Example");

    // The version is the content's, so a second build cites the same one.
    let again = build_at(&fixture("basic")).page("events/karo-captured.html");
    assert_eq!(text(select_one(&again, ".cite .citation")), citation);

    // A day is cited under the chronicle's title as well as its date.
    let day = site.page("days/2020-03-01.html");
    let citation = text(select_one(&day, "details.cite > .citation"));
    assert!(
        citation.starts_with("“The Siege of Example: Sunday 1 March 2020.” In The Siege of Example"),
        "{citation}"
    );

    // A source page gives its script what "Cite this passage" is made of (checked in the
    // browser by e2e/crawl.mjs): the words, the quotation marks and each passage's anchor.
    let source = site.page("sources/encyclopedia.html");
    let seed = select_one(&source, ".seed");
    assert_eq!(seed.value().attr("data-cite-passage-text"), Some("{passage}, from {source}"));
    assert_eq!(seed.value().attr("data-quote-open"), Some("“"));
    let passages = select(&source, "details.cited-by li a[href^='#q-encyclopedia-']");
    assert!(!passages.is_empty());
    for passage in passages {
        let anchor = &href(passage)[1..];
        assert!(
            !select(&source, &format!("mark[data-passages~='{anchor}']")).is_empty(),
            "{anchor} is marked"
        );
    }
}

#[test]
fn a_citation_names_the_editors_and_the_date_of_the_chronicle() {
    let dir = copy_fixture("basic");
    let config = dir.path().join("chronicle.toml");
    let text = std::fs::read_to_string(&config).unwrap().replacen(
        "\n",
        "\neditors = [\"Ann Roe\", \"Bo {Lee}\"]\nupdated = \"2021-02-03\"\n",
        1,
    );
    std::fs::write(&config, text).unwrap();
    let page = build_at(dir.path()).page("events/karo-captured.html");
    let citation = text_of(&page, ".cite .citation");
    assert!(
        citation.starts_with("Ann Roe, Bo {Lee}. “Rebels capture Karo.” In The Siege of Example, version ")
    );
    assert!(citation.ends_with(", 3 February 2021. https://example.org/siege/events/karo-captured.html"));
    let exports: Vec<String> =
        select(&page, ".cite pre.cite-export").into_iter().map(|pre| pre.text().collect()).collect();
    assert!(exports[0].contains("  author = {Ann Roe and Bo \\{Lee\\}},\n"), "{}", exports[0]);
    assert!(exports[0].contains("  year = {2021},\n  month = {2},\n  note = {Version "), "{}", exports[0]);
    assert!(exports[0].ends_with("  url = {https://example.org/siege/events/karo-captured.html}\n}\n"));
    assert!(exports[1].contains("A2  - Ann Roe\nA2  - Bo {Lee}\nPY  - 2021\nDA  - 2021/02/03\nET  - "));
    let meta = |name: &str| {
        select(&page, &format!("meta[name='{name}']"))
            .into_iter()
            .map(|m| m.value().attr("content").unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(meta("citation_author"), ["Ann Roe", "Bo {Lee}"]);
    assert_eq!(meta("citation_publication_date"), ["2021/02/03"]);
    assert_eq!(meta("DC.date"), ["2021-02-03"]);
}

#[test]
fn a_day_shows_its_events_in_the_order_they_happened_with_the_day_at_a_glance() {
    let dir = copy_fixture("basic");
    let event = |id: &str, when: &str, order: &str, exact: &str| {
        write_file(
            dir.path(),
            &format!("content/events/{id}.md"),
            &format!(
                "+++\ntitle = \"{id}\"\nwhen = \"{when}\"\n{order}\n[[attestations]]\nsource = \"encyclopedia\"\nexact = \"{exact}\"\n+++\nIt happened.[^encyclopedia]\n"
            ),
        )
    };
    // Without an order, a report of the captured town ("a-report") would sort before
    // the capture by its id; `order` puts it after, and a time of day after those.
    event("a-report", "2020-03-01", "order = 1", "On 1 March 2020 the rebels captured Karo");
    event("evening-address", "2020-03-01T20:00Z", "", "On 1 March 2020 the rebels captured Karo");
    let site = build_at(dir.path());
    let day = site.page("days/2020-03-01.html");
    let ids: Vec<String> = select(&day, "article.event")
        .into_iter()
        .map(|a| a.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(ids, ["karo-captured", "evening-address", "a-report"]);
    let glance: Vec<String> = select(&day, ".day-glance li a").into_iter().map(href).collect();
    assert_eq!(glance, ["#karo-captured", "#evening-address", "#a-report"]);
    // The date's reasoning follows the text, folded; previous and next are at the foot too.
    let captured = select_one(&day, "article#karo-captured");
    let children: Vec<&str> =
        captured.children().filter_map(|c| c.value().as_element()).map(|e| e.name()).collect();
    let (narrative, basis) = (
        children.iter().position(|n| *n == "div").unwrap(),
        children.iter().position(|n| *n == "details").unwrap(),
    );
    assert!(narrative < basis, "{children:?}");
    let top: Vec<String> = select(&day, "nav.day-nav a").into_iter().map(href).collect();
    let end: Vec<String> = select(&day, ".day-nav-end a").into_iter().map(href).collect();
    assert!(!end.is_empty());
    assert_eq!(end, top);
    assert_eq!(select(&day, "link[rel=next]").len(), 1);
    // Each event can be cited by itself, at its own address; its own page cites the page.
    let citation = text_of(&day, "article#karo-captured .cite-event .citation");
    assert!(citation.starts_with("“Rebels capture Karo.” In The Siege of Example, version "), "{citation}");
    assert!(citation.ends_with("https://example.org/siege/events/karo-captured.html"), "{citation}");
    assert!(select(&site.page("events/karo-captured.html"), ".cite-event").is_empty());
}

fn text_of(page: &scraper::Html, css: &str) -> String {
    text(select_one(page, css))
}

#[test]
fn the_search_index_finds_things_by_alias_and_links_to_anchors() {
    let site = fixture_site("basic");
    let index = search_index(site);
    let titles = |word: &str| -> Vec<String> { index.titles(word).into_iter().map(|(t, _)| t).collect() };
    let karo = &index.words["karo"];
    assert!(
        karo.iter().any(|&(doc, how)| index.docs[doc][0] == "Rebels capture Karo"
            && index.docs[doc][2] == "days/2020-03-01.html#karo-captured"
            && how == 1),
        "{karo:?}"
    );
    assert!(titles("rebelles").contains(&"The rebels".to_string()), "aliases are searchable");
    assert!(titles("merchant").contains(&"Siege of Example".to_string()), "sources by their full text");
    assert!(index.words.contains_key("tombee"), "words are found without their accents");
    assert!(!index.words.contains_key("Karo"), "words are lowercase");
    let page = site.page("index.html");
    let form = select_one(&page, "form.search");
    assert!(form.value().attr("hidden").is_some(), "without JavaScript the search form stays hidden");
}

/// Every `id` on a page.
fn ids(page: &scraper::Html) -> std::collections::BTreeSet<String> {
    select(page, "[id]").into_iter().map(|e| e.value().attr("id").unwrap().to_string()).collect()
}

#[test]
fn anchors_do_not_move_when_content_is_added_elsewhere() {
    let before = fixture_site("basic");
    let pages = [
        "days/2020-03-01.html",
        "sources/dispatch.html",
        "sources/encyclopedia.html",
        "compare/death-toll.html",
    ];
    let old: Vec<_> = pages.iter().map(|p| ids(&before.page(p))).collect();

    // A new event on the same day, citing passages before the existing ones.
    let dir = copy_fixture("basic");
    std::fs::write(
        dir.path().join("content/events/aaa-first.md"),
        "+++\ntitle = \"A new first event\"\nwhen = \"2020-03-01\"\nheadline = true\n\n[[attestations]]\nsource = \"encyclopedia\"\nexact = \"Siege of Example\"\n\n[[attestations]]\nsource = \"dispatch\"\nexact = \"La ville\"\n+++\nIt came first.[^encyclopedia][^dispatch]\n",
    )
    .unwrap();
    let after = build_at(dir.path());
    for (page, old_ids) in pages.iter().zip(old) {
        let new_ids = ids(&after.page(page));
        let lost: Vec<&String> = old_ids.difference(&new_ids).collect();
        assert!(lost.is_empty(), "{page} lost anchors {lost:?}");
    }
    assert!(ids(&after.page("days/2020-03-01.html")).contains("aaa-first"));
}

#[test]
fn a_french_chronicle_gets_a_french_interface_and_french_dates() {
    let dir = copy_fixture("basic");
    let config = dir.path().join("chronicle.toml");
    let french =
        std::fs::read_to_string(&config).unwrap().replace("language = \"en\"", "language = \"fr-FR\"");
    std::fs::write(&config, french).unwrap();
    let site = build_at(dir.path());
    assert!(
        !site.diagnostics.contains("interface text"),
        "fr-FR takes the theme's fr table: {}",
        site.diagnostics
    );

    let day = site.page("days/2020-03-01.html");
    assert_eq!(select_one(&day, "html").value().attr("lang"), Some("fr-FR"));
    assert_eq!(text(select_one(&day, "h1")), "dimanche 1er mars 2020");
    let nav: Vec<String> = select(&day, ".site-header nav li a").into_iter().map(text).collect();
    assert_eq!(nav, ["Jours", "Acteurs", "Lieux", "Sources", "Comparaisons"]);
    assert_eq!(text(select_one(&day, ".cite summary")), "Citer cette page");
    let label: String = select(&day, ".notes .translation .label")[0].text().collect();
    assert_eq!(label, "Notre traduction\u{a0}:", "French puts a no-break space before a colon");

    let index = site.page("index.html");
    let counts = text(select_one(&index, ".counts"));
    assert!(counts.starts_with("3 événements · 2 sources"), "{counts}");
    assert_eq!(text(select_one(&site.page("404.html"), "h1")), "Page introuvable");
}

#[test]
fn a_language_without_interface_text_is_built_in_english_with_a_warning() {
    let dir = copy_fixture("basic");
    let config = dir.path().join("chronicle.toml");
    let text_of = std::fs::read_to_string(&config).unwrap().replace("language = \"en\"", "language = \"pt\"");
    std::fs::write(&config, text_of).unwrap();
    let site = build_at(dir.path());
    assert!(site.diagnostics.contains("no interface text for language `pt`"), "{}", site.diagnostics);
    assert!(site.diagnostics.contains("i18n/pt.toml"), "the help names the file to add");
    let day = site.page("days/2020-03-01.html");
    assert_eq!(text(select_one(&day, "h1")), "Sunday 1 March 2020");
}

#[test]
fn the_timeline_marks_every_dated_event_and_each_mark_leads_to_its_anchor() {
    let site = fixture_site("basic");
    let index = site.page("index.html");
    let marks = select(&index, "svg.timeline a.tl-mark");
    let mut marked: Vec<String> =
        marks.iter().map(|m| m.value().attr("data-event").unwrap().to_string()).collect();
    marked.sort();
    assert_eq!(marked, ["fighting", "karo-captured", "talks-failed"], "every event with a day is marked");
    for mark in marks {
        let target = href(mark);
        let (file, anchor) = target.split_once('#').unwrap_or((&target, ""));
        let page = site.page(file);
        if !anchor.is_empty() {
            assert_eq!(select(&page, &format!("[id='{anchor}']")).len(), 1, "{target} leads to an anchor");
        }
        let title = mark.select(&scraper::Selector::parse("title").unwrap()).next().map(text);
        assert!(title.is_some_and(|t| !t.is_empty()), "{target} has a text alternative");
    }
    let days: Vec<String> = select(&index, "svg.timeline .tl-day").into_iter().map(text).collect();
    assert_eq!(days, ["Before", "1", "2", "3", "4"], "a column per day, and one for context");
    let labels: Vec<String> = select(&index, "svg.timeline .tl-label").into_iter().map(text).collect();
    assert_eq!(labels, ["Rebels capture Karo"], "a headline, and only a headline, carries its title");
    let label = select_one(&index, "svg.timeline a.tl-mark[data-event=karo-captured] .tl-label");
    assert!(label.parent().is_some(), "the title is part of the mark's link");
}

#[test]
fn the_actor_matrix_links_each_appearance_to_the_events_of_that_day() {
    let site = fixture_site("basic");
    let actors = site.page("actors/index.html");
    let rows = select(&actors, "table.matrix tbody tr");
    assert_eq!(rows.len(), 1, "only the rebels are named by an event within the range");
    let cells: Vec<String> = select(&actors, "table.matrix tbody td.on a").into_iter().map(href).collect();
    assert_eq!(
        cells,
        [
            "../days/2020-03-01.html#karo-captured",
            "../days/2020-03-02.html#fighting",
            "../days/2020-03-03.html"
        ]
    );
}

#[test]
fn sidenotes_and_bottom_notes_match_one_to_one() {
    let site = fixture_site("basic");
    for page in ["days/2020-03-01.html", "compare/death-toll.html", "events/karo-captured.html"] {
        let html = site.page(page);
        let mut bottom: Vec<String> = select(&html, ".notes li[id]")
            .into_iter()
            .map(|n| n.value().attr("id").unwrap().to_string())
            .collect();
        let mut side: Vec<String> = select(&html, ".sidenote[data-note]")
            .into_iter()
            .map(|n| n.value().attr("data-note").unwrap().to_string())
            .collect();
        assert!(!bottom.is_empty(), "{page} has notes");
        bottom.sort();
        side.sort();
        assert_eq!(side, bottom, "{page}: one sidenote per bottom note");
        for sidenote in select(&html, ".sidenote") {
            let link = sidenote.select(&scraper::Selector::parse("cite a").unwrap()).next().unwrap();
            assert!(href(link).contains("#q-"), "{page}: a sidenote links to the highlighted passage");
        }
        for toggle in select(&html, "input.sidenote-toggle") {
            let id = toggle.value().attr("id").unwrap();
            assert_eq!(select(&html, &format!("label[for='{id}']")).len(), 1, "{page}: {id} has its label");
        }
    }
}

#[test]
fn the_map_marks_every_place_with_coordinates_and_each_day_stresses_its_own() {
    let site = layered_site(&["basic", "map"]);
    let places = site.page("places/index.html");
    let marks: Vec<(String, String)> = select(&places, "svg.map a.map-place")
        .into_iter()
        .map(|a| (a.value().attr("data-place").unwrap().to_string(), href(a)))
        .collect();
    assert_eq!(
        marks,
        [("karo".to_string(), "../places/karo.html".to_string())],
        "Karo is on the map, linked"
    );
    let outside = select_one(&places, ".map-figure figcaption a");
    assert_eq!(
        (text(outside), href(outside)),
        ("Far Away".to_string(), "../places/far-away.html".to_string())
    );
    assert_eq!(select(&places, "svg.map path.map-area.map-home").len(), 1, "Karo's area is drawn as home");

    let day = site.page("days/2020-03-01.html");
    let karo = select_one(&day, ".day-map a.map-place[data-place=karo]");
    assert!(!karo.value().attr("class").unwrap().contains("map-faded"), "the day's place stands out");
    assert!(
        select(&site.page("days/2020-03-04.html"), ".day-map").is_empty(),
        "no map on a day without places"
    );

    // A place on the map has a locator map of its own; one off the map has none.
    let karo = site.page("places/karo.html");
    let mark = select_one(&karo, ".place-map a.map-place[data-place=karo]");
    assert!(!mark.value().attr("class").unwrap().contains("map-faded"), "the place stands out");
    assert!(select(&site.page("places/far-away.html"), ".place-map").is_empty());
}

#[test]
fn a_comparison_with_numbers_charts_them_and_tables_them() {
    let site = fixture_site("basic");
    let page = site.page("compare/death-toll.html");
    assert_eq!(select(&page, "svg.chart rect.chart-bar").len(), 2, "a bar per position with a number");
    let rows: Vec<(String, String)> = select(&page, "table.chart-table tbody tr")
        .into_iter()
        .map(|row| {
            let number =
                row.select(&scraper::Selector::parse("td.number").unwrap()).next().map(text).unwrap();
            let link = row.select(&scraper::Selector::parse("a").unwrap()).next().map(href).unwrap();
            (number, link)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("100".to_string(), "#pos-dispatch".to_string()),
            ("40".to_string(), "#pos-encyclopedia".to_string())
        ]
    );
    for (_, link) in rows {
        assert_eq!(select(&page, &format!("tr{link}")).len(), 1, "{link} is a row of the positions table");
    }
}

/// The index, the timeline and the day pages agree on where each event goes, for every
/// form a date can take.
#[test]
fn every_date_form_has_one_place_on_the_index_the_timeline_and_the_days() {
    let site = layered_site(&["basic", "precision"]);
    let index = site.page("index.html");
    let listed = |section: &str| -> Vec<String> {
        select(&index, &format!("section[aria-labelledby={section}-heading] li a"))
            .into_iter()
            .map(text)
            .collect()
    };
    assert_eq!(listed("before"), ["The council warns", "Talks fail"], "a year before the range is context");
    assert_eq!(listed("imprecise"), ["Roads closed"], "a month over the range has no day");
    assert_eq!(listed("after"), ["A truce"]);
    assert!(listed("undated").is_empty());

    let marks: Vec<String> = select(&index, "svg.timeline a.tl-mark")
        .into_iter()
        .map(|m| m.value().attr("data-event").unwrap().to_string())
        .collect();
    for event in ["council-warns", "talks-failed", "truce", "council-meets", "mayor-speaks", "shelling"] {
        assert!(marks.contains(&event.to_string()), "{event} is on the timeline: {marks:?}");
    }
    assert!(!marks.contains(&"roads-closed".to_string()), "a month has no column of its own");
    let night = select_one(&index, "svg.timeline a.tl-mark[data-event=shelling] rect.tl-bar");
    assert_eq!(night.value().attr("class"), Some("tl-bar tl-night"), "a night is drawn as a night");

    // A range that began before the range of days is read on its first day, and ongoing after.
    let first = site.page("days/2020-03-01.html");
    select_one(&first, "article.event#council-meets");
    let second = site.page("days/2020-03-02.html");
    let ongoing: Vec<String> = select(&second, ".ongoing li a").into_iter().map(href).collect();
    assert!(ongoing.contains(&"../days/2020-03-01.html#council-meets".to_string()), "{ongoing:?}");
    let time = select_one(&second, "article#mayor-speaks .event-when time");
    assert_eq!(time.value().attr("datetime"), Some("2020-03-02T14:30+01:00"));
    assert_eq!(text(time), "2 March 2020, 14:30 (UTC+01:00)");
    // The night is read on its first day, and goes on into the next.
    select_one(&site.page("days/2020-03-03.html"), "article.event#shelling");
    let fourth: Vec<String> =
        select(&site.page("days/2020-03-04.html"), ".ongoing li a").into_iter().map(text).collect();
    assert!(fourth.contains(&"Shelling in the night".to_string()), "{fourth:?}");
    // Events with no day of the range have their own page, and links lead there.
    select_one(&site.page("events/roads-closed.html"), "article.event#roads-closed");
    let roads = select_one(&index, "section[aria-labelledby=imprecise-heading] li a");
    assert_eq!(href(roads), "events/roads-closed.html");
}

/// An actor and a place may share an id: each keeps its page, its names and its sources.
#[test]
fn an_actor_and_a_place_may_share_an_id() {
    let site = layered_site(&["basic", "precision"]);
    let names = |page: &str| -> Vec<(String, String)> {
        select(&site.page(page), "table.names tbody tr")
            .into_iter()
            .map(|row| {
                let cells: Vec<String> =
                    row.select(&scraper::Selector::parse("td").unwrap()).map(text).collect();
                (cells[0].clone(), cells[1].clone())
            })
            .collect()
    };
    let place = names("places/karo.html");
    assert_eq!(place.len(), 1, "the place's one name, once: {place:?}");
    assert!(place[0].1.contains("Log of the siege"), "{place:?}");
    let actor = names("actors/karo.html");
    let spellings: Vec<&str> = actor.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(spellings, ["Karo", "Karo council", "council of Karo"]);
    assert!(actor.iter().all(|(_, sources)| sources != "no source"), "{actor:?}");
    let events: Vec<String> =
        select(&site.page("actors/karo.html"), "section[aria-labelledby=events-heading] li a")
            .into_iter()
            .map(text)
            .collect();
    assert_eq!(events, ["The council warns", "The council meets", "The mayor speaks"]);
    let place_events: Vec<String> =
        select(&site.page("places/karo.html"), "section[aria-labelledby=events-heading] li a")
            .into_iter()
            .map(text)
            .collect();
    assert!(
        place_events.contains(&"Roads closed".to_string())
            && !place_events.contains(&"The council warns".to_string())
    );
    assert_eq!(site.diagnostics, "", "neither is reported as referred to by nothing");
}

/// A theme that lays out notes, quotes and a source's paragraphs itself still gets them
/// as lists; the default theme gets them as HTML instead.
#[test]
fn a_theme_may_lay_out_notes_quotes_and_paragraphs_itself() {
    let dir = copy_fixture("basic");
    let templates = dir.path().join("themes/own/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("base.html"),
        "<!DOCTYPE html><html><head><title>{{ page_title }}</title></head><body>{% block main %}{% endblock main %}\
         <ol class=\"own-notes\">{% for n in notes %}<li id=\"{{ n.id }}\">{{ n.quote.text }}</li>{% endfor %}</ol></body></html>",
    )
    .unwrap();
    std::fs::write(
        templates.join("source.html"),
        "{% extends \"base.html\" %}{% block main %}{% for p in paragraphs %}<p class=\"own\" id=\"{{ p.id }}\">{{ p.html | safe }}</p>{% endfor %}{% endblock main %}",
    )
    .unwrap();
    std::fs::write(
        templates.join("actor.html"),
        "{% extends \"base.html\" %}{% block main %}{% for q in quotes %}<blockquote class=\"own\">{{ q.quote.text }}</blockquote>{% endfor %}{% endblock main %}",
    )
    .unwrap();
    let config = dir.path().join("chronicle.toml");
    let own = std::fs::read_to_string(&config)
        .unwrap()
        .replace("language = \"en\"", "language = \"en\"\ntheme = \"own\"");
    std::fs::write(&config, own).unwrap();
    let site = build_at(dir.path());
    let day = site.page("days/2020-03-01.html");
    let notes: Vec<String> = select(&day, "ol.own-notes li").into_iter().map(text).collect();
    assert!(
        notes.contains(&"La ville de Karo est tombée dimanche aux mains des rebelles.".to_string()),
        "{notes:?}"
    );
    assert!(select(&day, "details.notes").is_empty(), "nothing of the default notes");
    let source = site.page("sources/dispatch.html");
    assert_eq!(select(&source, "p.own").len(), 3, "one per paragraph of the seed");
    select_one(&source, "p.own#p-1 mark#q-dispatch-0");
    let actor = site.page("actors/rebels.html");
    assert!(select(&actor, "blockquote.own").len() >= 2);
}

/// A page of the editor's own is built like any text: its footnotes proven and numbered,
/// its citations listed on the source page, and a link to it at the foot of every page.
#[test]
fn a_page_of_the_editors_own_is_footnoted_and_linked_from_every_page() {
    let dir = copy_fixture("basic");
    std::fs::create_dir_all(dir.path().join("content/pages")).unwrap();
    std::fs::write(
        dir.path().join("content/pages/method.md"),
        "+++\ntitle = \"How this chronicle was made\"\n\n[[attestations]]\nsource = \"encyclopedia\"\nexact = \"Siege of Example\"\n+++\nThe encyclopedia names the siege.[^encyclopedia]\n",
    )
    .unwrap();
    let site = build_at(dir.path());
    assert!(!site.diagnostics.contains("error"), "{}", site.diagnostics);
    let page = site.page("pages/method.html");
    assert_eq!(text(select_one(&page, "h1")), "How this chronicle was made");
    let marker = select_one(&page, ".article-body sup.note-ref a");
    assert_eq!(href(marker), "#fn-method-encyclopedia");
    assert_eq!(select(&page, "details.notes li[id='fn-method-encyclopedia']").len(), 1);
    for from in ["index.html", "days/2020-03-01.html"] {
        let links: Vec<String> =
            select(&site.page(from), ".site-footer .footer-pages a").into_iter().map(href).collect();
        let expected = if from == "index.html" { "pages/method.html" } else { "../pages/method.html" };
        assert_eq!(links, [expected], "{from} links the page at its foot");
    }
    let source = site.page("sources/encyclopedia.html");
    let cited: Vec<String> = select(&source, "details.cited-by a").into_iter().map(href).collect();
    assert!(
        cited.iter().any(|h| h.starts_with("../pages/method.html")),
        "the source lists the page: {cited:?}"
    );
}

/// A comparison whose answers are not figures but are dated on two days or more shows its
/// claims in the order they were made, each under its day, the undated last.
#[test]
fn a_comparison_dated_on_several_days_shows_its_claims_over_time() {
    let dir = copy_fixture("basic");
    std::fs::write(
        dir.path().join("content/compare/who-held-karo.md"),
        "+++\nquestion = \"Who held Karo?\"\n\n[[positions]]\nid = \"late\"\nsource = \"encyclopedia\"\nexact = \"A merchant counted 40 dead.\"\nvalue = \"The rebels\"\nas_of = \"2020-03-04T09:30Z\"\n\n[[positions]]\nid = \"early\"\nsource = \"dispatch\"\nexact = \"La ville\"\nvalue = \"The army\"\nas_of = \"2020-03-01\"\n\n[[positions]]\nid = \"whenever\"\nsource = \"encyclopedia\"\nexact = \"Siege of Example\"\nvalue = \"No one says\"\n+++\nThe sources disagree.[^late][^early]\n",
    )
    .unwrap();
    let site = build_at(dir.path());
    let page = site.page("compare/who-held-karo.html");
    let days: Vec<String> = select(&page, "ol.over-time > li > h3").into_iter().map(text).collect();
    assert_eq!(
        days,
        ["Sunday 1 March 2020", "Wednesday 4 March 2020", "Undated"],
        "in date order, undated last"
    );
    let claims: Vec<String> = select(&page, "ol.over-time > li li a").into_iter().map(href).collect();
    assert_eq!(claims, ["#pos-early", "#pos-late", "#pos-whenever"], "each leads to its position");
    assert_eq!(text(select_one(&page, "ol.over-time .over-time-gap")), "3 days later");
    assert_eq!(text(select_one(&page, "ol.over-time .over-time-time")), "09:30");
    for claim in claims {
        assert_eq!(select(&page, &format!("[id='{}']", &claim[1..])).len(), 1);
    }
    // A comparison of figures has its chart instead.
    assert!(select(&site.page("compare/death-toll.html"), "ol.over-time").is_empty());
}
