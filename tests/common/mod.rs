//! Helpers shared by the integration tests: build a fixture chronicle into a temporary
//! folder, and read its pages as parsed HTML.

#![allow(dead_code)]

use annalist::diagnostics::Diagnostics;
use annalist::{build, Options, Summary};
use scraper::{ElementRef, Html, Selector};
use std::fs;
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A built site: the temporary folder that holds it and the build's summary.
pub struct Site {
    pub dir: tempfile::TempDir,
    pub summary: Summary,
    pub diagnostics: String,
}

impl Site {
    pub fn path(&self, page: &str) -> PathBuf {
        self.dir.path().join("public").join(page)
    }

    pub fn page(&self, page: &str) -> Html {
        let text = fs::read_to_string(self.path(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        Html::parse_document(&text)
    }
}

pub fn build_at(root: &Path) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let options =
        Options { root: root.to_path_buf(), output: Some(dir.path().join("public")), base_url: None };
    let mut diagnostics = Diagnostics::default();
    let summary = build(&options, &mut diagnostics).unwrap_or_else(|| panic!("build failed:\n{diagnostics}"));
    Site { dir, summary, diagnostics: diagnostics.to_string() }
}

pub fn build_fixture(name: &str) -> Site {
    build_at(&fixture(name))
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
