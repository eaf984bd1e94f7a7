//! Nothing a user's files can contain makes the program panic: every content file of the
//! `basic` fixture, cut short at many points or spliced with stray bytes, is checked.

mod common;

use annalist::diagnostics::Diagnostics;
use annalist::{check, Options};
use common::*;
use std::fs;

fn check_dir(dir: &std::path::Path) -> Diagnostics {
    let options = Options { root: dir.to_path_buf(), ..Options::default() };
    let mut diagnostics = Diagnostics::default();
    check(&options, &mut diagnostics);
    let _ = diagnostics.to_string();
    diagnostics
}

#[test]
fn truncated_or_corrupted_files_give_diagnostics_not_panics() {
    let dir = copy_fixture("basic");
    let files: Vec<_> = walkdir::WalkDir::new(dir.path())
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let mut runs = 0;
    for path in files {
        let original = fs::read(&path).unwrap();
        for cut in (0..original.len()).step_by(9) {
            fs::write(&path, &original[..cut]).unwrap();
            check_dir(dir.path());
            let mut spliced = original.clone();
            spliced.splice(cut..cut, [b'"', 0xff, b'[', b'^', b'\n', b'+']);
            fs::write(&path, &spliced).unwrap();
            check_dir(dir.path());
            runs += 2;
        }
        fs::write(&path, &original).unwrap();
    }
    assert!(runs > 300, "{runs}");
    assert!(!check_dir(dir.path()).has_errors(), "the fixture was restored");
}
