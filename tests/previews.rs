//! Link previews: the data `preview.js` reads is written as scripts in `previews/`, each
//! preview in the shard its key hashes to, and holds what a reader sees: an event's title
//! and date, an actor's name, a passage's words and its source's title; hostile text is
//! carried as data, never as markup.

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;

/// The argument a preview script hands to `annalistPreviews.<call>(…)`, as JSON.
fn argument(script: &str, call: &str) -> Value {
    let open = format!("annalistPreviews.{call}(");
    let inner = script
        .strip_prefix(&open)
        .and_then(|s| s.trim_end().strip_suffix(");"))
        .unwrap_or_else(|| panic!("not a call of {call}: {}", &script[..script.len().min(80)]));
    // A shard's number comes first.
    let inner = if call == "shard" { &inner[inner.find(',').unwrap() + 1..] } else { inner };
    serde_json::from_str(inner).unwrap()
}

/// FNV-1a, 32 bits, as `preview.js` computes it.
fn fnv1a(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Every preview of a site by key, checking that each is in the shard its key hashes to.
fn previews(site: &Site) -> (usize, BTreeMap<String, Value>) {
    let meta = argument(&fs::read_to_string(site.path("previews/meta.js")).unwrap(), "meta");
    let shards = meta["shards"].as_u64().unwrap() as usize;
    assert!(shards >= 1);
    let mut all = BTreeMap::new();
    for n in 0..shards {
        let script = fs::read_to_string(site.path(&format!("previews/{n}.js"))).unwrap();
        assert!(script.starts_with(&format!("annalistPreviews.shard({n},")), "shard {n} names itself");
        let Value::Object(entries) = argument(&script, "shard") else { panic!("shard {n} is not an object") };
        for (key, entry) in entries {
            assert_eq!(fnv1a(&key) as usize % shards, n, "{key} is in the shard its key hashes to");
            all.insert(key, entry);
        }
    }
    assert!(!site.path(&format!("previews/{shards}.js")).exists(), "no shard past the count");
    (shards, all)
}

#[test]
fn events_actors_and_passages_have_previews_keyed_by_their_links() {
    let site = fixture_site("basic");
    let meta = argument(&fs::read_to_string(site.path("previews/meta.js")).unwrap(), "meta");
    assert_eq!(meta["kinds"], serde_json::json!(["Event", "Actor", "Place", "Comparison", "Quoted passage"]));
    let (_, all) = previews(site);

    // An event placed on a day is previewed at its anchor there; its own page is an alias.
    let fighting = &all["days/2020-03-02.html#fighting"];
    assert_eq!(fighting[0], 0);
    assert_eq!(fighting[1], "Fighting around Karo");
    assert!(fighting[2].as_str().unwrap().contains("2 to 3 March 2020"), "{fighting}");
    assert_eq!(fighting[3], "Fighting went on for two days.");
    assert_eq!(all["events/fighting.html"], "days/2020-03-02.html#fighting");
    // Pages link to the event where its preview is keyed.
    let index = fs::read_to_string(site.path("index.html")).unwrap();
    assert!(index.contains("href=\"days/2020-03-02.html#fighting\""));

    let rebels = &all["actors/rebels.html"];
    assert_eq!(rebels[0], 1);
    assert_eq!(rebels[1], "The rebels");
    assert_eq!(rebels[2], "Armed group · The force that took Karo");

    assert_eq!(all["places/karo.html"][0], 2);
    assert_eq!(all["compare/death-toll.html"][0], 3);

    // A quoted passage: its words and its source's title, keyed by the link notes make.
    let seed = fs::read_to_string(fixture("basic").join("seeds/encyclopedia.txt")).unwrap();
    let offset = seed.find("Fighting went on from 2 to 3 March.").unwrap();
    let key = format!("sources/encyclopedia.html#q-encyclopedia-{offset}");
    let passage = &all[&key];
    assert_eq!(passage[0], 4);
    assert_eq!(passage[1], "Siege of Example");
    assert_eq!(passage[3], "Fighting went on from 2 to 3 March.");
    let event = fs::read_to_string(site.path("events/fighting.html")).unwrap();
    assert!(event.contains(&format!("../{key}")), "a note links to the passage where its preview is keyed");
}

#[test]
fn every_page_loads_the_preview_script_and_the_script_builds_no_markup_from_text() {
    let site = fixture_site("basic");
    for page in ["index.html", "days/2020-03-02.html", "actors/rebels.html", "sources/encyclopedia.html"] {
        let html = fs::read_to_string(site.path(page)).unwrap();
        assert!(html.contains("preview.js\" defer></script>"), "{page} loads preview.js");
    }
    let script = fs::read_to_string(site.path("preview.js")).unwrap();
    assert!(!script.contains("innerHTML") && !script.contains("insertAdjacentHTML"), "text goes in as text");
}

#[test]
fn hostile_text_is_carried_as_data() {
    let dir = copy_fixture("basic");
    let hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
    write_file(
        dir.path(),
        "content/actors/rebels.md",
        &format!(
            "+++\nname = \"The rebels {hostile}\"\nkind = \"armed-group\"\nrole = \"{hostile}\"\n+++\nThey say &lt;script&gt;alert(3)&lt;/script&gt; often.\n"
        ),
    );
    let site = build_at(dir.path());
    let (shards, all) = previews(&site);
    let rebels = &all["actors/rebels.html"];
    assert_eq!(rebels[1], format!("The rebels {hostile}"));
    assert_eq!(rebels[3], "They say <script>alert(3)</script> often.");
    for n in 0..shards {
        let script = fs::read_to_string(site.path(&format!("previews/{n}.js"))).unwrap();
        assert!(!script.contains("</script"), "shard {n} cannot end a script");
        assert_eq!(script.matches("annalistPreviews.").count(), 1, "shard {n} makes one call only");
    }
}
