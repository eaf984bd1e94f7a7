//! One broken chronicle per kind of error: `tests/fixtures/errors/<case>/` holds the
//! files that replace or add to the `basic` fixture. The full diagnostic text is a
//! snapshot, so the wording of errors is reviewed like code.

mod common;

use annalist::diagnostics::Diagnostics;
use annalist::{build, Options};
use common::*;

/// Builds `basic` with the case's files laid over it; returns every diagnostic.
fn diagnostics_of(case: &str) -> String {
    let dir = copy_fixture("basic");
    copy_tree(&fixture("errors").join(case), dir.path());
    let output = dir.path().join("public");
    let options = Options { root: dir.path().to_path_buf(), output: Some(output.clone()), base_url: None };
    let mut diagnostics = Diagnostics::default();
    let summary = build(&options, &mut diagnostics);
    assert!(summary.is_none(), "{case} built, but should have failed");
    assert!(!output.exists(), "{case}: a failed build wrote output");
    diagnostics.to_string()
}

macro_rules! error_case {
    ($($name:ident => $case:literal),* $(,)?) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!($case, diagnostics_of($case));
        }
    )*};
}

error_case! {
    quote_not_found => "quote-not-found",
    quote_ambiguous => "quote-ambiguous",
    unknown_id => "unknown-id",
    unknown_source => "unknown-source",
    duplicate_id => "duplicate-id",
    bad_date => "bad-date",
    day_outside_range => "day-outside-range",
    missing_seed => "missing-seed",
    seed_not_utf8 => "seed-not-utf8",
    malformed_toml => "malformed-toml",
    unknown_field => "unknown-field",
    unclosed_front_matter => "unclosed-front-matter",
    unknown_citation => "unknown-citation",
    undated_without_basis => "undated-without-basis",
    invalid_id => "invalid-id",
    several_errors => "several-errors",
    former_id_in_use => "former-id-in-use",
    bad_map_outline => "bad-map-outline",
    bad_number => "bad-number",
    bad_claims => "bad-claims",
}

#[test]
fn every_error_case_has_a_test() {
    let cases: Vec<String> = std::fs::read_dir(fixture("errors"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let source = include_str!("errors.rs");
    for case in cases {
        assert!(source.contains(&format!("=> \"{case}\"")), "no test for fixture {case}");
    }
}

/// Coverage problems are warnings: the build succeeds and reports each one.
#[test]
fn coverage_warnings() {
    let dir = copy_fixture("basic");
    copy_tree(&fixture("warnings"), dir.path());
    let options =
        Options { root: dir.path().to_path_buf(), output: Some(dir.path().join("public")), base_url: None };
    let mut diagnostics = Diagnostics::default();
    let summary = build(&options, &mut diagnostics).expect("warnings do not stop the build");
    assert_eq!(summary.warnings, diagnostics.warning_count());
    assert_eq!((summary.coverage.cited, summary.coverage.paragraphs), (6, 8));
    let coverage = summary.coverage;
    assert_eq!(
        (coverage.sentences_footnoted, coverage.sentences),
        (10, 14),
        "uncited: a heading, a list item, a table row and a paragraph's sentence"
    );
    insta::assert_snapshot!("coverage-warnings", diagnostics.to_string());
}
