//! The offline search index, in pieces small enough that a reader downloads at most a
//! few hundred kilobytes before the first results, whatever the size of the chronicle.
//!
//! Every event, actor, place, source (with its full text), comparison and page of the
//! editor's own is a document.
//! Its words are split and folded as `words.rs` says ("Sévaré" is found as "sevare") and
//! indexed: each word lists the documents that hold it, and how: in its text, as a word
//! of its title or another name, or as the whole of a one-word name. A name of several
//! words is also indexed whole, as its folded words joined by spaces, so that a query
//! equal to a name finds it at once. Words are sorted and cut into chunks of about
//! `CHUNK_BYTES`. Documents go by `DOCS_PER_SHARD` into shards: each document's title,
//! kind, link and the excerpts of `excerpts.rs`, from which `search.js` makes the
//! result's snippet.
//!
//! `search.js` loads `search/meta.js` (the chunks' first words), then only the chunks
//! that can hold the query's words and the shards of the twenty best results: at most
//! twenty shards of `DOCS_PER_SHARD` times `excerpts::BUDGET`, however large the
//! chronicle. A shard of a few documents keeps that bound small without a file per
//! document, which would add a file per event to the site.
//!
//! Every file is a script, not JSON, because browsers refuse to fetch JSON from
//! `file://` but do load scripts.

mod excerpts;
mod words;

pub use words::fold;

use super::context::RenderContext;
use super::links::{event_href, Page};
use crate::write::Sink;
use rayon::prelude::*;
use serde::Serialize;
use std::io;
use words::words;

/// About how large a chunk of words may grow, in bytes of its script.
const CHUNK_BYTES: usize = 32 * 1024;
/// A name longer than this, folded, is found by its words only.
const NAME_BYTES: usize = 100;

/// How a document holds a word: the low two bits of a posting (`search.js` ranks by them).
const IN_TEXT: u32 = 0;
const IN_NAME: u32 = 1;
const WHOLE_NAME: u32 = 2;

/// A document: what a result shows, and the texts its excerpts come from.
struct Doc<'t> {
    title: &'t str,
    kind: usize,
    url: String,
    /// What tells it from others of the same title (an event's date).
    detail: String,
    texts: Vec<&'t str>,
}

/// The index being built. A word is folded once however often it occurs, and each
/// folded word keeps its documents in the order they were added.
#[derive(Default)]
struct Index<'t> {
    docs: Vec<Doc<'t>>,
    /// A word as written → its folded word's number.
    seen: rustc_hash::FxHashMap<&'t str, usize>,
    /// A folded word (or a name's folded words joined by spaces) → its number.
    numbers: rustc_hash::FxHashMap<String, usize>,
    /// Each folded word, by number.
    words: Vec<String>,
    /// Each folded word's documents: the document's number times four, plus how it holds
    /// the word; ascending.
    postings: Vec<Vec<u32>>,
}

impl<'t> Index<'t> {
    /// A document: its title and `names` are its names; `hidden` texts are searched but
    /// not shown, `texts` are searched and shown in its snippet.
    fn document(&mut self, doc: Doc<'t>, names: &[&'t str], hidden: &[&'t str]) {
        let number = self.docs.len() as u32;
        for name in std::iter::once(doc.title).chain(names.iter().copied()) {
            self.name(name, number);
        }
        for text in hidden.iter().chain(&doc.texts) {
            for (_, word) in words(text) {
                let folded = self.number_of(word);
                self.post(folded, number, IN_TEXT);
            }
        }
        self.docs.push(doc);
    }

    fn name(&mut self, name: &'t str, doc: u32) {
        let mut whole = String::new();
        let mut last = None;
        for (i, (_, word)) in words(name).enumerate() {
            let folded = self.number_of(word);
            self.post(folded, doc, IN_NAME);
            if i > 0 {
                whole.push(' ');
                last = None;
            } else {
                last = Some(folded);
            }
            whole.push_str(&self.words[folded]);
        }
        match last {
            Some(only) => self.post(only, doc, WHOLE_NAME),
            None if whole.contains(' ') && whole.len() <= NAME_BYTES => {
                let folded = self.folded_number(whole);
                self.post(folded, doc, WHOLE_NAME);
            }
            None => {}
        }
    }

    fn number_of(&mut self, word: &'t str) -> usize {
        if let Some(&number) = self.seen.get(word) {
            return number;
        }
        let number = self.folded_number(fold(word));
        self.seen.insert(word, number);
        number
    }

    fn folded_number(&mut self, folded: String) -> usize {
        let next = self.words.len();
        let number = *self.numbers.entry(folded.clone()).or_insert(next);
        if number == next {
            self.words.push(folded);
            self.postings.push(Vec::new());
        }
        number
    }

    fn post(&mut self, number: usize, doc: u32, how: u32) {
        let entry = 4 * doc + how;
        let list = &mut self.postings[number];
        match list.last_mut() {
            // The same document again: it keeps the strongest way it holds the word.
            Some(last) if *last / 4 == doc => *last = (*last).max(entry),
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
    docs: usize,
    /// Documents per shard: document `n` is in `d<n / shard_size>.js`.
    shard_size: usize,
}

/// A document as its shard hands it to `search.js`.
#[derive(Serialize)]
struct Record<'a>(&'a str, usize, &'a str, &'a str, Vec<String>);

/// Documents per shard: 8 × 0.8 kB of excerpts at most, so that the shards of a query's
/// twenty results come to a few kilobytes when they are near each other, and 130 kB when
/// each is in a shard of its own.
pub const DOCS_PER_SHARD: usize = 8;

pub fn write<'a>(ctx: &RenderContext<'a>, sink: &dyn Sink) -> io::Result<usize> {
    let index = collect(ctx);
    let chunks = write_words(&index, sink)?;
    // The excerpts need every document's words counted first: they favour rare words.
    let lookup = |word: &str| match index.seen.get(word) {
        Some(&number) => (number, index.postings[number].len()),
        None => (usize::MAX, usize::MAX),
    };
    let shards: Vec<&[Doc]> = index.docs.chunks(DOCS_PER_SHARD).collect();
    shards.par_iter().enumerate().try_for_each(|(number, docs)| {
        let records: Vec<Record> = docs
            .iter()
            .map(|doc| {
                Record(doc.title, doc.kind, &doc.url, &doc.detail, excerpts::excerpts(&doc.texts, lookup))
            })
            .collect();
        let script = format!("annalistSearch.docs({number},{});\n", json(&records));
        sink.write(&format!("search/d{number}.js"), script.as_bytes())
    })?;
    let kinds =
        ["search_event", "search_actor", "search_place", "search_source", "search_comparison", "search_page"];
    let meta = Meta {
        kinds: kinds.iter().map(|k| ctx.text(k)).collect(),
        chunks,
        docs: index.docs.len(),
        shard_size: DOCS_PER_SHARD,
    };
    let script = format!("annalistSearch.meta({});\n", json(&meta));
    sink.write("search/meta.js", script.as_bytes())?;
    Ok(1 + meta.chunks.len() + shards.len())
}

/// Every document, with its kind (the index of its name in `write`'s `kinds`).
fn collect<'a>(ctx: &RenderContext<'a>) -> Index<'a> {
    let chronicle = ctx.chronicle;
    let root = Page::Index;
    let mut index = Index::default();
    let doc = |title: &'a str, kind, url, detail, texts| Doc { title, kind, url, detail, texts };
    // Places, actors and comparisons first: of results that score the same, the thing
    // itself comes before the events and documents that mention it. Their names and
    // aliases count as their titles.
    for place in ctx.order.places.iter() {
        let names: Vec<&str> = place.aliases.iter().map(String::as_str).collect();
        let href = root.href(&Page::Place(place.id.clone()), None);
        index.document(doc(&place.name, 2, href, String::new(), Vec::new()), &names, &[]);
    }
    for actor in ctx.order.actors.iter() {
        let names: Vec<&str> = actor.aliases.iter().map(String::as_str).collect();
        let href = root.href(&Page::Actor(actor.id.clone()), None);
        let role = actor.role.iter().map(String::as_str).collect();
        index.document(doc(&actor.name, 1, href, String::new(), role), &names, &[]);
    }
    for comparison in chronicle.comparisons.values() {
        // The editor's reading first, so that a snippet opens on it rather than on one
        // source's answer.
        let reading = std::iter::once(comparison.text.body.plain.as_str());
        let texts = reading.chain(comparison.positions.iter().map(|p| p.value.as_str())).collect();
        let href = root.href(&Page::Comparison(comparison.id.clone()), None);
        index.document(doc(&comparison.question, 4, href, String::new(), texts), &[], &[]);
    }
    for article in chronicle.articles.values() {
        let href = root.href(&Page::Article(article.id.clone()), None);
        index.document(doc(&article.title, 5, href, String::new(), vec![&article.text.body.plain]), &[], &[]);
    }
    for source in chronicle.sources.values() {
        // The whole document: a reader may remember a phrase rather than a title.
        let publisher: Vec<&str> = source.publisher.iter().map(String::as_str).collect();
        let href = root.href(&Page::Source(source.id.clone()), None);
        index.document(doc(&source.title, 3, href, String::new(), vec![&source.seed_text]), &[], &publisher);
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
        let hidden: Vec<&str> = names.map(String::as_str).collect();
        // Titles may repeat; the date tells events apart.
        let when = ctx.when_of(event).0.to_string();
        let href = event_href(event, &root);
        index.document(doc(&event.title, 0, href, when, vec![&event.text.body.plain]), &[], &hidden);
    }
    index
}

/// Writes the chunks of words, each a script that hands its words to `search.js`, and
/// returns the first word of each.
fn write_words<'i>(index: &'i Index, sink: &dyn Sink) -> io::Result<Vec<&'i str>> {
    let (folded, postings) = (&index.words, &index.postings);
    let mut order: Vec<usize> = (0..folded.len()).collect();
    order.sort_by(|&a, &b| folded[a].cmp(&folded[b]));
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
    Ok(chunks)
}

/// JSON for a script: `</` would end an inline script, so it never appears.
pub(super) fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string()).replace("</", "<\\/")
}
