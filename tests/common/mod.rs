//! Helpers shared by the integration tests: build a fixture chronicle into a temporary
//! folder, and read its pages as parsed HTML.

#![allow(dead_code)]

use annalist::diagnostics::Diagnostics;
use annalist::{build, Options, Summary};
use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Writes `text` to `path` under `root`, making its folders: for chronicles a test
/// generates.
pub fn write_file(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A built site: where it is and the build's summary.
pub struct Site {
    /// The built site.
    pub public: PathBuf,
    /// Removes a site built for one test when the test ends.
    _temporary: Option<tempfile::TempDir>,
    pub summary: Summary,
    pub diagnostics: String,
}

impl Site {
    pub fn path(&self, page: &str) -> PathBuf {
        self.public.join(page)
    }

    pub fn page(&self, page: &str) -> Html {
        let text = fs::read_to_string(self.path(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        Html::parse_document(&text)
    }
}

/// Builds the chronicle at `root` into `public`.
fn build_into(root: &Path, public: PathBuf, temporary: Option<tempfile::TempDir>) -> Site {
    let options = Options { root: root.to_path_buf(), output: Some(public.clone()), base_url: None };
    let mut diagnostics = Diagnostics::default();
    let summary = build(&options, &mut diagnostics).unwrap_or_else(|| panic!("build failed:\n{diagnostics}"));
    Site { public, _temporary: temporary, summary, diagnostics: diagnostics.to_string() }
}

/// A build of its own, for a test that changes the chronicle or compares builds.
pub fn build_at(root: &Path) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    build_into(root, public, Some(dir))
}

/// The fixture built once for all the tests of a test binary, which only read it; in
/// the target folder, where the next run builds over it.
pub fn fixture_site(name: &str) -> &'static Site {
    shared(name, &fixture(name))
}

/// Fixtures laid one over the other (`["basic", "map"]`), built once for all the tests of
/// a test binary.
pub fn layered_site(layers: &[&str]) -> &'static Site {
    let name = layers.join("+");
    cell(&name).get_or_init(|| {
        let root = target_folder(&format!("{name}-chronicle"));
        let _ = fs::remove_dir_all(&root);
        for layer in layers {
            copy_tree(&fixture(layer), &root);
        }
        build_into(&root, target_folder(&name).join("public"), None)
    })
}

/// A folder of this test binary's own in the target folder.
fn target_folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{name}", binary()))
}

fn binary() -> String {
    std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
        .unwrap_or_default()
}

/// A chronicle that `write` makes, built once for all the tests of a test binary; the
/// chronicle is not kept once built, the site lives in its own folder.
pub fn generated_site(name: &str, write: fn(&Path)) -> &'static Site {
    cell(name).get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path());
        build_at(dir.path())
    })
}

/// The shipped chronicle, built once for all the tests of a test binary.
pub fn shipped_site() -> &'static Site {
    shared("shipped", Path::new(env!("CARGO_MANIFEST_DIR")))
}

static BUILT: OnceLock<Mutex<BTreeMap<String, &'static OnceLock<Site>>>> = OnceLock::new();

fn cell(name: &str) -> &'static OnceLock<Site> {
    let mut built = BUILT.get_or_init(Mutex::default).lock().unwrap_or_else(|e| e.into_inner());
    built.entry(name.to_string()).or_insert_with(|| Box::leak(Box::default()))
}

fn shared(name: &str, root: &Path) -> &'static Site {
    cell(name).get_or_init(|| build_into(root, target_folder(name).join("public"), None))
}

/// Copies a fixture into a fresh temporary folder, to be changed by a test.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture(name), dir.path());
    dir
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
    html.select(&selector).collect()
}

pub fn select_one<'a>(html: &'a Html, css: &str) -> ElementRef<'a> {
    let found = select(html, css);
    assert_eq!(found.len(), 1, "expected one match for {css}, found {}", found.len());
    found[0]
}

/// The elements under `element` that match `css`.
pub fn select_in<'a>(element: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
    element.select(&selector).collect()
}

pub fn select_one_in<'a>(element: ElementRef<'a>, css: &str) -> ElementRef<'a> {
    let found = select_in(element, css);
    assert_eq!(found.len(), 1, "expected one match for {css}, found {}", found.len());
    found[0]
}

pub fn text(element: ElementRef) -> String {
    element.text().collect::<Vec<_>>().join("").split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn href(element: ElementRef) -> String {
    element.value().attr("href").unwrap_or_default().to_string()
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn snapshot_tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// The search index of a built site, as `search.js` reads it.
pub struct SearchIndex {
    /// Each document: `[title, kind, url, detail, excerpts]`.
    pub docs: Vec<serde_json::Value>,
    /// Each word (or whole name of several words) → its documents and how each holds it:
    /// 0 in its text, 1 as a word of a name, 2 as the whole of a name.
    pub words: BTreeMap<String, Vec<(usize, u64)>>,
}

impl SearchIndex {
    /// The titles of the documents holding `word`, with how they hold it.
    pub fn titles(&self, word: &str) -> Vec<(String, u64)> {
        let postings = self.words.get(word).map(Vec::as_slice).unwrap_or_default();
        postings.iter().map(|&(doc, how)| (self.docs[doc][0].as_str().unwrap().to_string(), how)).collect()
    }

    /// The document titled `title`.
    pub fn doc(&self, title: &str) -> &serde_json::Value {
        self.docs.iter().find(|d| d[0] == title).unwrap_or_else(|| panic!("no document titled {title}"))
    }
}

pub fn search_index(site: &Site) -> SearchIndex {
    let script = |name: &str| fs::read_to_string(site.path(&format!("search/{name}.js"))).unwrap();
    // `annalistSearch.<what>(<args>);` → the JSON of the arguments.
    let args = |text: String, call: &str| -> String {
        let inner =
            text.trim().strip_prefix(&format!("annalistSearch.{call}(")).unwrap().strip_suffix(");").unwrap();
        inner.to_string()
    };
    let meta: serde_json::Value = serde_json::from_str(&args(script("meta"), "meta")).unwrap();
    let mut docs = Vec::new();
    let shard_size = meta["shard_size"].as_u64().unwrap();
    for n in 0..meta["docs"].as_u64().unwrap().div_ceil(shard_size) {
        let text = args(script(&format!("d{n}")), "docs");
        let (number, records) = text.split_once(',').unwrap();
        assert_eq!(number, n.to_string());
        let records: Vec<serde_json::Value> = serde_json::from_str(records).unwrap();
        assert!(records.len() as u64 <= shard_size);
        docs.extend(records);
    }
    assert_eq!(docs.len() as u64, meta["docs"].as_u64().unwrap(), "every document is in a shard");
    let mut words = BTreeMap::new();
    for n in 0..meta["chunks"].as_array().unwrap().len() {
        let text = args(script(&format!("w{n}")), "words");
        let (number, chunk) = text.split_once(',').unwrap();
        assert_eq!(number, n.to_string());
        let chunk: serde_json::Map<String, serde_json::Value> = serde_json::from_str(chunk).unwrap();
        assert_eq!(
            chunk.keys().next().map(String::as_str),
            meta["chunks"][n].as_str(),
            "the meta names each chunk's first word"
        );
        for (word, deltas) in chunk {
            let mut entry = 0;
            let mut found = Vec::new();
            for delta in deltas.as_array().unwrap() {
                entry += delta.as_u64().unwrap();
                found.push(((entry / 4) as usize, entry % 4));
            }
            words.insert(word, found);
        }
    }
    SearchIndex { docs, words }
}
