//! The offline search index, in shards small enough that a reader downloads a few tens of
//! kilobytes before the first results, whatever the size of the chronicle.
//!
//! Every event, actor, place, source (with its full text) and comparison is a document.
//! Its words are folded (canonical decomposition, combining marks dropped, lowercase:
//! "Sévaré" is found as "sevare") and indexed: each word lists the documents that hold it,
//! marking those that hold it in their title. Words are sorted and cut into chunks of
//! about `CHUNK_BYTES`; documents into shards of `DOCS_PER_SHARD`. The theme's
//! `search.js` loads `search/meta.js` (the chunks' first words), then only the chunks that
//! can hold the query's words and the shards that hold the best results.
//!
//! Every file is a script, not JSON, because browsers refuse to fetch JSON from
//! `file://` but do load scripts.

use super::context::RenderContext;
use super::links::{event_href, Page};
use crate::write::Sink;
use serde::Serialize;
use std::io;
use unicode_normalization::UnicodeNormalization;

/// About how large a chunk of words may grow, in bytes of its script.
const CHUNK_BYTES: usize = 32 * 1024;
const DOCS_PER_SHARD: usize = 64;

/// A word as the index and `search.js` compare it: decomposed, without combining
/// diacritics (U+0300 to U+036F), lowercase.
pub fn fold(word: &str) -> String {
    word.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).flat_map(char::to_lowercase).collect()
}

/// The words of a text: runs of letters and digits (as `search.js` splits a query).
fn words(text: &str) -> impl Iterator<Item = &str> {
    // ASCII first: the Unicode tables are only needed for other letters.
    let in_word = |c: char| if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
    text.split(move |c: char| !in_word(c)).filter(|w| !w.is_empty())
}

/// A search result as a reader sees it: its title, its kind, where it leads, and what
/// tells it from others of the same title (an event's date).
#[derive(Serialize)]
struct Doc(String, usize, String, String);

/// The index being built. A word is folded once however often it occurs, and each
/// folded word keeps its documents in the order they were added.
#[derive(Default)]
struct Index<'t> {
    docs: Vec<Doc>,
    /// A word as written → its folded word's number.
    seen: rustc_hash::FxHashMap<&'t str, usize>,
    /// A folded word → its number.
    numbers: rustc_hash::FxHashMap<String, usize>,
    /// Each folded word, by number.
    words: Vec<String>,
    /// Each folded word's documents: the document's number times two, plus one if the
    /// word is in its title; ascending.
    postings: Vec<Vec<u32>>,
}

impl<'t> Index<'t> {
    /// A document: its title and other names count as its title.
    fn document(
        &mut self,
        title: &'t str,
        kind: usize,
        url: String,
        detail: String,
        names: &[&'t str],
        texts: &[&'t str],
    ) {
        let doc = self.docs.len() as u32;
        self.docs.push(Doc(title.to_string(), kind, url, detail));
        for word in std::iter::once(title).chain(names.iter().copied()).flat_map(words) {
            self.add(word, doc, true);
        }
        for word in texts.iter().flat_map(|t| words(t)) {
            self.add(word, doc, false);
        }
    }

    fn add(&mut self, word: &'t str, doc: u32, in_title: bool) {
        let number = match self.seen.get(word) {
            Some(&number) => number,
            None => {
                let folded = fold(word);
                let next = self.words.len();
                let number = *self.numbers.entry(folded.clone()).or_insert(next);
                if number == next {
                    self.words.push(folded);
                    self.postings.push(Vec::new());
                }
                self.seen.insert(word, number);
                number
            }
        };
        let entry = 2 * doc + u32::from(in_title);
        let list = &mut self.postings[number];
        match list.last_mut() {
            // The same document again: a title occurrence counts, a repeat does not.
            Some(last) if *last / 2 == doc => *last |= entry & 1,
            _ => list.push(entry),
        }
    }
}

#[derive(Serialize)]
struct Meta<'a> {
    /// The kinds of documents, in the reader's language; a document names its kind by index.
    kinds: Vec<String>,
    /// The first word of each chunk, in order.
    chunks: Vec<&'a str>,
    shard_size: usize,
    docs: usize,
}

pub fn write<'a>(ctx: &RenderContext<'a>, sink: &dyn Sink) -> io::Result<usize> {
    let chronicle = ctx.chronicle;
    let root = Page::Index;
    let kinds = ["search_event", "search_actor", "search_place", "search_source", "search_comparison"];
    let mut index = Index::default();
    // Places, actors and comparisons first: of results that score the same, the thing
    // itself comes before the events and documents that mention it. Their names and
    // aliases count as their titles.
    for place in ctx.order.places.iter() {
        let names: Vec<&str> = place.aliases.iter().map(String::as_str).collect();
        let href = root.href(&Page::Place(place.id.clone()), None);
        index.document(&place.name, 2, href, String::new(), &names, &[]);
    }
    for actor in ctx.order.actors.iter() {
        let names: Vec<&str> = actor.aliases.iter().map(String::as_str).collect();
        let href = root.href(&Page::Actor(actor.id.clone()), None);
        index.document(&actor.name, 1, href, String::new(), &names, &[actor.role.as_deref().unwrap_or("")]);
    }
    for comparison in chronicle.comparisons.values() {
        let texts: Vec<&str> = comparison.positions.iter().map(|p| p.value.as_str()).collect();
        let href = root.href(&Page::Comparison(comparison.id.clone()), None);
        index.document(&comparison.question, 4, href, String::new(), &[], &texts);
    }
    for source in chronicle.sources.values() {
        // The whole document: a reader may remember a phrase rather than a title.
        let texts = [source.publisher.as_deref().unwrap_or(""), &source.seed_text];
        let href = root.href(&Page::Source(source.id.clone()), None);
        index.document(&source.title, 3, href, String::new(), &[], &texts);
    }
    for event in &chronicle.events {
        let names = event
            .actors
            .iter()
            .filter_map(|a| chronicle.actors.get(a))
            .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
            .chain(
                event
                    .places
                    .iter()
                    .filter_map(|p| chronicle.places.get(p))
                    .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)),
            );
        let mut texts: Vec<&str> = names.map(String::as_str).collect();
        texts.push(&event.text.body.plain);
        // Titles may repeat; the date tells events apart.
        let when = ctx.when_of(event).0.to_string();
        index.document(&event.title, 0, event_href(event, &root), when, &[], &texts);
    }

    let Index { docs, words: folded, postings, .. } = index;
    let mut order: Vec<usize> = (0..folded.len()).collect();
    order.sort_by(|&a, &b| folded[a].cmp(&folded[b]));
    // Chunks of words, each a script that hands its words to `search.js`.
    let mut chunks: Vec<&str> = Vec::new();
    let mut chunk = String::new();
    let mut digits = itoa::Buffer::new();
    let flush = |chunk: &mut String, number: usize| -> io::Result<()> {
        let script = format!("annalistSearch.words({number},{{{chunk}}});\n");
        chunk.clear();
        sink.write(&format!("search/w{number}.js"), script.as_bytes())
    };
    for id in order {
        let (word, entries) = (&folded[id], &postings[id]);
        if chunk.len() > CHUNK_BYTES {
            flush(&mut chunk, chunks.len() - 1)?;
        }
        if chunk.is_empty() {
            chunks.push(word);
        } else {
            chunk.push(',');
        }
        chunk.push_str(&json(word));
        chunk.push_str(":[");
        // Ascending entries, written as differences: most are small numbers.
        let mut last = 0;
        for (i, &entry) in entries.iter().enumerate() {
            if i > 0 {
                chunk.push(',');
            }
            chunk.push_str(digits.format(entry - last));
            last = entry;
        }
        chunk.push(']');
    }
    if !chunk.is_empty() {
        flush(&mut chunk, chunks.len() - 1)?;
    }
    for (number, shard) in docs.chunks(DOCS_PER_SHARD).enumerate() {
        let script = format!("annalistSearch.docs({number},{});\n", json(&shard));
        sink.write(&format!("search/d{number}.js"), script.as_bytes())?;
    }
    let meta = Meta {
        kinds: kinds.iter().map(|k| ctx.text(k)).collect(),
        chunks,
        shard_size: DOCS_PER_SHARD,
        docs: docs.len(),
    };
    let script = format!("annalistSearch.meta({});\n", json(&meta));
    sink.write("search/meta.js", script.as_bytes())?;
    Ok(3 + docs.len().div_ceil(DOCS_PER_SHARD))
}

/// JSON for a script: `</` would end an inline script, so it never appears.
pub(super) fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string()).replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_accents_and_case_in_any_script() {
        assert_eq!(fold("Sévaré"), "sevare");
        assert_eq!(fold("ÆRØ"), "ærø");
        assert_eq!(fold("Москва"), "москва");
        let found: Vec<&str> = words("Ансар Дин, l’armée: 12 Αθήνα").collect();
        assert_eq!(found, ["Ансар", "Дин", "l", "armée", "12", "Αθήνα"]);
    }
}
