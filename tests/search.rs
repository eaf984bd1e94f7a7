//! The search index as `search.js` reads it: words of any script, found as the client
//! splits and folds a query; names ranked by how they hold a word; and excerpts that
//! reach a hit deep in a long source, within a bound per document.

mod common;

use common::*;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The sentence a long seed holds far from its start.
const DEEP: &str = "The Zanzibar accord was signed in Москва, Αθήνα, 北京 and مَدِينَة.";

fn write_chronicle(root: &Path) {
    let write = |path: &str, text: String| write_file(root, path, &text);
    write(
        "chronicle.toml",
        "title = \"Words\"\nlanguage = \"en\"\nbase_url = \"https://example.org/words/\"\n\n[range]\nstart = \"2021-06-01\"\nend = \"2021-06-02\"\n".into(),
    );
    let mut seed = String::from("A long report opens here.\n\n");
    for n in 0..300 {
        let _ = writeln!(seed, "Report line {} repeats what the others say about the town.\n", n % 9);
    }
    let _ = writeln!(seed, "{DEEP}\n\nThe report ends.");
    write("seeds/long.txt", seed);
    write(
        "content/sources/long.md",
        "+++\ntitle = \"A long report\"\nlanguage = \"en\"\nkind = \"other\"\nseed = \"seeds/long.txt\"\n+++\n".into(),
    );
    write("content/places/konna.md", "+++\nname = \"Konna\"\naliases = [\"Kona\"]\n+++\n".into());
    write(
        "content/actors/hill-people.md",
        "+++\nname = \"The people of the Konna hills\"\nkind = \"other\"\n+++\n".into(),
    );
    write(
        "content/events/fighting.md",
        "+++\ntitle = \"Fighting near Konna\"\nwhen = \"2021-06-01\"\nplaces = [\"konna\"]\nactors = [\"hill-people\"]\n\n[[attestations]]\nsource = \"long\"\nexact = \"A long report opens here.\"\n+++\nA report opened.[^long]\n".into(),
    );
}

fn site() -> &'static Site {
    generated_site("generated", write_chronicle)
}

#[test]
fn words_of_any_script_are_indexed_folded() {
    let index = search_index(site());
    for word in ["zanzibar", "москва", "αθηνα", "北", "京", "مدينة"] {
        assert_eq!(index.titles(word), [("A long report".to_string(), 0)], "{word}");
    }
    // Each ideograph is a word by itself; no word holds a space but a whole name.
    assert!(!index.words.contains_key("北京"));
    for (word, postings) in &index.words {
        if word.contains(' ') {
            assert!(postings.iter().all(|&(_, how)| how == 2), "{word} is only a whole name");
        }
    }
}

#[test]
fn a_name_equal_to_a_word_is_marked_as_a_whole_name() {
    let index = search_index(site());
    let konna = index.titles("konna");
    assert!(konna.contains(&("Konna".to_string(), 2)), "the place's name is the word: {konna:?}");
    assert!(konna.contains(&("Fighting near Konna".to_string(), 1)), "a word of a title: {konna:?}");
    assert!(konna.contains(&("The people of the Konna hills".to_string(), 1)), "{konna:?}");
    // An alias is a whole name too; an event at the place holds it as text.
    assert_eq!(index.titles("kona"), [("Konna".to_string(), 2), ("Fighting near Konna".to_string(), 0)]);
    assert_eq!(index.titles("fighting near konna"), [("Fighting near Konna".to_string(), 2)]);
    assert_eq!(
        index.titles("the people of the konna hills"),
        [("The people of the Konna hills".to_string(), 2)]
    );
    // Places come first, so of equal scores the place itself leads.
    let doc = |title: &str| index.docs.iter().position(|d| d[0] == title).unwrap();
    assert!(doc("Konna") < doc("Fighting near Konna"));
}

#[test]
fn a_long_source_keeps_its_opening_and_the_sentence_of_a_rare_word_deep_inside() {
    let index = search_index(site());
    let excerpts: Vec<&str> =
        index.doc("A long report")[4].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
    assert!(excerpts[0].starts_with("A long report opens here."), "{excerpts:?}");
    let deep = excerpts.iter().find(|e| e.contains("Zanzibar")).unwrap_or_else(|| panic!("{excerpts:?}"));
    assert!(deep.contains("The Zanzibar accord was signed"), "{deep}");
    let kept: usize = excerpts.iter().map(|e| e.len()).sum();
    assert!(kept < 1600, "a document keeps a bounded excerpt: {kept} bytes");
    let event = &index.doc("Fighting near Konna")[4];
    assert_eq!(event[0], "A report opened.", "an event's narrative, without its note markers");
}

#[test]
fn the_documents_come_in_small_shards() {
    let site = site();
    let index = search_index(site);
    let shards = index.docs.len().div_ceil(annalist::render::search::DOCS_PER_SHARD);
    for n in 0..shards {
        let size = fs::metadata(site.path(&format!("search/d{n}.js"))).unwrap().len();
        assert!(
            size < 2000 * annalist::render::search::DOCS_PER_SHARD as u64,
            "search/d{n}.js is {size} bytes"
        );
    }
    assert!(!site.path(&format!("search/d{shards}.js")).exists(), "no shard beyond the documents");
}
