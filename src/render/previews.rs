//! The data of link previews: for every event, actor, place, comparison and quoted
//! passage, what the theme's `preview.js` shows beside a link to it (its title, its kind,
//! an event's date, the first sentence or two of its text; for a passage, its words and
//! its source's title).
//!
//! Each preview is keyed by the link that leads to it, relative to the site root, as
//! `links` makes it (`actors/<id>.html`, `days/<date>.html#<event>`,
//! `sources/<id>.html#q-<source>-<offset>`), and stored in shard `fnv1a(key) % shards`
//! of `previews/<n>.js`; `previews/meta.js` gives the number of shards and the kinds'
//! names. Hashing the key, rather than marking each link with its shard, keeps the pages
//! as they are (no attribute on tens of thousands of links) and lets the script find the
//! shard of any link, whatever page it is on; the shards come out about equal, so a hover
//! loads one script of tens of kilobytes, whatever the size of the chronicle. An event
//! placed on a day is keyed by its anchor there, and its own page by an alias to it.
//!
//! Every file is a script, not JSON, because browsers refuse to fetch JSON from
//! `file://` but do load scripts. Texts are data in JSON strings, which the script puts
//! into the page as text, never as markup.

use super::context::RenderContext;
use super::i18n;
use super::links::{event_href, passage_anchor, Page};
use super::search::json;
use crate::text::markdown::sentences;
use crate::write::Sink;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io;
use std::ops::Range;

/// About how large a shard may be on average, in bytes of its script.
const SHARD_BYTES: usize = 24 * 1024;
/// About how long a preview's text may be, in characters: a sentence or two.
const LEAD_CHARS: usize = 240;
/// How much of a quoted passage a preview shows, in characters.
const PASSAGE_CHARS: usize = 400;

/// The kinds of previews, as `meta.js` names them; a preview gives its kind by index.
const KINDS: [&str; 5] =
    ["preview_event", "preview_actor", "preview_place", "preview_comparison", "preview_passage"];
const EVENT: u8 = 0;
const ACTOR: u8 = 1;
const PLACE: u8 = 2;
const COMPARISON: u8 = 3;
const PASSAGE: u8 = 4;

/// A preview as `preview.js` reads it: kind, title, detail (an event's date, an actor's
/// kind and role, a place's region), text, and the text's language (empty for the
/// chronicle's own).
#[derive(Serialize)]
struct Preview<'a>(u8, &'a str, String, String, &'a str);

/// What a key leads to: a preview, or the key that holds it.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Preview(Preview<'a>),
    Alias(String),
}

#[derive(Serialize)]
struct Meta {
    shards: usize,
    /// The kinds' names, in the reader's language.
    kinds: Vec<String>,
}

/// FNV-1a (32 bits) of the key's UTF-8 bytes: `preview.js` computes the same to find the
/// shard of a link.
pub fn hash(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5, |hash: u32, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

/// Writes `previews/meta.js` and the shards; returns how many files it wrote.
pub fn write(ctx: &RenderContext, sink: &dyn Sink) -> io::Result<usize> {
    let entries = entries(ctx);
    let total: usize = entries.iter().map(|(key, value)| key.len() + value.len() + 4).sum();
    let shards = total.div_ceil(SHARD_BYTES).max(1);
    let mut buckets: Vec<BTreeMap<&str, &str>> = vec![BTreeMap::new(); shards];
    for (key, value) in &entries {
        buckets[hash(key) as usize % shards].insert(key, value);
    }
    for (number, bucket) in buckets.iter().enumerate() {
        let mut script = String::with_capacity(SHARD_BYTES * 2);
        script.push_str("annalistPreviews.shard(");
        script.push_str(itoa::Buffer::new().format(number));
        script.push_str(",{");
        for (i, (key, value)) in bucket.iter().enumerate() {
            if i > 0 {
                script.push(',');
            }
            script.push_str(&json(key));
            script.push(':');
            script.push_str(value);
        }
        script.push_str("});\n");
        sink.write(&format!("previews/{number}.js"), script.as_bytes())?;
    }
    let meta = Meta { shards, kinds: KINDS.iter().map(|k| ctx.text(k)).collect() };
    sink.write("previews/meta.js", format!("annalistPreviews.meta({});\n", json(&meta)).as_bytes())?;
    Ok(shards + 1)
}

/// Every key with its entry as JSON.
fn entries(ctx: &RenderContext) -> Vec<(String, String)> {
    let chronicle = ctx.chronicle;
    let root = Page::Index;
    let mut scratch = Vec::new();
    let mut lead = |plain: &str| lead(plain, &mut scratch);
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut add = |key: String, entry: Entry| entries.push((key, json(&entry)));
    for event in &chronicle.events {
        let key = event_href(event, &root);
        let own = root.href(&Page::Event(event.id.clone()), None);
        if own != key {
            add(own, Entry::Alias(key.clone()));
        }
        let when = ctx.when_of(event).0.to_string();
        add(key, Entry::Preview(Preview(EVENT, &event.title, when, lead(&event.text.body.plain), "")));
    }
    for actor in chronicle.actors.values() {
        let kind = i18n::actor_kind(actor.kind, 1, ctx.words);
        let detail = match &actor.role {
            Some(role) => format!("{kind} · {role}"),
            None => kind,
        };
        let text = lead(&actor.text.body.plain);
        add(
            root.href(&Page::Actor(actor.id.clone()), None),
            Entry::Preview(Preview(ACTOR, &actor.name, detail, text, "")),
        );
    }
    for place in chronicle.places.values() {
        let region = place.region.as_ref().and_then(|r| chronicle.places.get(r)).map(|r| r.name.clone());
        let text = lead(&place.text.body.plain);
        let preview = Preview(PLACE, &place.name, region.unwrap_or_default(), text, "");
        add(root.href(&Page::Place(place.id.clone()), None), Entry::Preview(preview));
    }
    for comparison in chronicle.comparisons.values() {
        let text = lead(&comparison.text.body.plain);
        let preview = Preview(COMPARISON, &comparison.question, String::new(), text, "");
        add(root.href(&Page::Comparison(comparison.id.clone()), None), Entry::Preview(preview));
    }
    for source in chronicle.sources.values() {
        let page = Page::Source(source.id.clone());
        // Citations are in seed order; a passage's anchor is where it starts, so the
        // first citation starting there names it.
        let mut last = None;
        for citation in &source.citations {
            if last == Some(citation.range.start) {
                continue;
            }
            last = Some(citation.range.start);
            let Some(quote) = chronicle.quote(&citation.owner, &citation.key) else { continue };
            let language =
                if quote.language == chronicle.config.language { "" } else { quote.language.as_str() };
            let text = clip(&quote.shown, PASSAGE_CHARS);
            let anchor = passage_anchor(&source.id, citation.range.start);
            let preview = Preview(PASSAGE, &source.title, String::new(), text, language);
            add(root.href(&page, Some(&anchor)), Entry::Preview(preview));
        }
    }
    entries
}

/// The first sentence of a text, and the second if both fit in `LEAD_CHARS`, on one
/// line; a first sentence longer than that is cut at a word.
fn lead(plain: &str, scratch: &mut Vec<Range<usize>>) -> String {
    // Only what can be shown is segmented: a body may be long.
    let cut = plain.char_indices().nth(LEAD_CHARS).map_or(plain.len(), |(i, _)| i);
    let head = &plain[..cut];
    let end_of_head = head.trim_end().len();
    // A sentence that runs to the end of a cut head may go on past it.
    let whole = |sentence: &Range<usize>| cut == plain.len() || sentence.end < end_of_head;
    sentences(head, scratch);
    match scratch.first() {
        None => String::new(),
        Some(first) if !whole(first) => clip(plain, LEAD_CHARS),
        Some(first) => {
            let end = scratch.get(1).filter(|second| whole(second)).map_or(first.end, |second| second.end);
            clip(&head[..end], LEAD_CHARS)
        }
    }
}

/// `text` on one line, cut at a word with an ellipsis past `chars` characters.
fn clip(text: &str, chars: usize) -> String {
    let mut line = String::with_capacity(text.len().min(chars * 4));
    let mut count = 0;
    for word in text.split_whitespace() {
        if count > 0 {
            line.push(' ');
            count += 1;
        }
        line.push_str(word);
        count += word.chars().count();
        if count > chars {
            break;
        }
    }
    let Some((cut, _)) = line.char_indices().nth(chars) else { return line };
    // The last space before the cut, unless that would drop most of the text.
    let space = line[..cut].rfind(' ').filter(|&space| space > cut / 2).unwrap_or(cut);
    line.truncate(space);
    line.truncate(line.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';').len());
    line.push('…');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv1a_as_the_script_computes_it() {
        // Reference values of 32-bit FNV-1a.
        assert_eq!(hash(""), 0x811c_9dc5);
        assert_eq!(hash("a"), 0xe40c_292c);
        assert_eq!(hash("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn a_lead_is_a_sentence_or_two() {
        let mut scratch = Vec::new();
        assert_eq!(
            lead("Konna fell. The army left.\n\nLater, more.", &mut scratch),
            "Konna fell. The army left."
        );
        assert_eq!(
            lead("Col. Dao spoke. Then he left. And then?", &mut scratch),
            "Col. Dao spoke. Then he left."
        );
        let long = "word ".repeat(200);
        let cut = lead(&long, &mut scratch);
        assert!(cut.ends_with('…') && cut.chars().count() <= LEAD_CHARS + 1, "{cut}");
        assert_eq!(lead("", &mut scratch), "");
        // A second sentence that the limit cuts is left out, whole.
        let second = format!("Konna fell. {}", "And then a long while passed. ".repeat(12));
        assert_eq!(lead(&second, &mut scratch), "Konna fell. And then a long while passed.");
        let first = format!("Konna fell {}.", "and fell ".repeat(40));
        let cut = lead(&first, &mut scratch);
        assert!(cut.ends_with(" and…") && cut.chars().count() <= LEAD_CHARS + 1, "{cut}");
        assert_eq!(
            lead("Ансар Дин вошли в Конну. Армия отступила.", &mut scratch),
            "Ансар Дин вошли в Конну. Армия отступила."
        );
    }

    #[test]
    fn clipping_keeps_short_texts_and_cuts_long_ones_at_a_word() {
        assert_eq!(clip("  a\n b ", 10), "a b");
        assert_eq!(clip("one two three four", 10), "one two…");
        assert_eq!(clip("abcdefghijklmnop", 5), "abcde…");
    }
}
