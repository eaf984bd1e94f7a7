//! The build as a whole: determinism, what a failed build leaves, the command line.

mod common;

use common::*;
use std::fs;
use std::process::Command;

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let first = build_at(&fixture("basic"));
    let second = build_at(&fixture("basic"));
    let a = snapshot_tree(&first.public);
    let b = snapshot_tree(&second.public);
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let dir = copy_fixture("basic");
    let binary = env!("CARGO_BIN_EXE_annalist");
    let run = |args: &[&str]| Command::new(binary).args(args).arg("--root").arg(dir.path()).output().unwrap();
    let first = run(&["build"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let public = dir.path().join("public");
    let before = snapshot_tree(&public);
    assert!(before.len() > 10);

    let event = dir.path().join("content/events/fighting.md");
    let text = fs::read_to_string(&event).unwrap().replace("from 2 to 3 March", "from 2 to 4 March");
    fs::write(&event, text).unwrap();
    let failed = run(&["build"]);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(stderr.contains("--> content/events/fighting.md:9:9"), "{stderr}");
    assert!(stderr.contains("help: closest passage in seeds/encyclopedia.txt:6:"), "{stderr}");
    assert_eq!(snapshot_tree(&public), before);
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(!leftovers.iter().any(|name| name.to_string_lossy().starts_with(".public")), "{leftovers:?}");
}

#[test]
fn exit_codes_say_ok_content_error_or_usage_error() {
    let binary = env!("CARGO_BIN_EXE_annalist");
    let check = Command::new(binary).args(["check", "--root"]).arg(fixture("basic")).output().unwrap();
    assert_eq!(check.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&check.stdout).starts_with("checked 2 sources, 3 events, 7 quotes verified")
    );

    let empty = tempfile::tempdir().unwrap();
    let missing = Command::new(binary).args(["check", "--root"]).arg(empty.path()).output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read chronicle.toml"));

    let usage = Command::new(binary).args(["build", "--no-such-flag"]).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let help = Command::new(binary).args(["build", "--help"]).output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--base-url"));
}

#[test]
fn check_writes_nothing() {
    let dir = copy_fixture("basic");
    let binary = env!("CARGO_BIN_EXE_annalist");
    let status = Command::new(binary).args(["check", "--root"]).arg(dir.path()).status().unwrap();
    assert!(status.success());
    assert!(!dir.path().join("public").exists());
}

#[test]
fn base_url_override_reaches_every_absolute_url_and_no_link() {
    let dir = copy_fixture("basic");
    let binary = env!("CARGO_BIN_EXE_annalist");
    let base = "https://example.net/some/sub/path";
    let status =
        Command::new(binary).args(["build", "--base-url", base, "--root"]).arg(dir.path()).status().unwrap();
    assert!(status.success());
    let public = dir.path().join("public");
    let read = |path: &str| fs::read_to_string(public.join(path)).unwrap();
    let day = read("days/2020-03-01.html");
    assert!(day.contains(
        "<link rel=\"canonical\" href=\"https://example.net/some/sub/path/days/2020-03-01.html\">"
    ));
    assert!(read("sitemap.xml").contains("<loc>https://example.net/some/sub/path/places/karo.html</loc>"));
    assert!(read("feed.xml").contains("<id>https://example.net/some/sub/path/events/fighting.html</id>"));
    assert!(!day.contains("href=\"/"), "no root-relative links");
    assert!(!day.contains("href=\"https://example.org"), "the configured base URL is replaced");
}

/// `check` renders every page in memory, so it finds a template error, and reports it
/// once, naming the template's file, however many pages use the template.
#[test]
fn check_reports_a_broken_template_once_with_its_file() {
    let dir = copy_fixture("basic");
    let theme = dir.path().join("themes/broken/templates");
    fs::create_dir_all(&theme).unwrap();
    fs::write(
        theme.join("day.html"),
        "{% extends \"base.html\" %}{% block main %}{{ no_such.thing }}{% endblock main %}",
    )
    .unwrap();
    let config = dir.path().join("chronicle.toml");
    let text = fs::read_to_string(&config)
        .unwrap()
        .replace("language = \"en\"", "language = \"en\"\ntheme = \"broken\"");
    fs::write(&config, text).unwrap();
    let binary = env!("CARGO_BIN_EXE_annalist");
    let check = Command::new(binary).args(["check", "--root"]).arg(dir.path()).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(stderr.matches("error: template error").count(), 1, "four day pages, one error: {stderr}");
    assert!(stderr.contains("themes/broken/templates/day.html"), "{stderr}");
    assert!(stderr.contains("no_such.thing"), "{stderr}");
    assert!(!dir.path().join("public").exists(), "check writes nothing");

    // A template that does not compile is found before any page is rendered.
    fs::write(theme.join("day.html"), "{% if %}").unwrap();
    let check = Command::new(binary).args(["check", "--root"]).arg(dir.path()).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(stderr.matches("error: template error").count(), 1, "{stderr}");
    assert!(stderr.contains("themes/broken/templates"), "{stderr}");
}
