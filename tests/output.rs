//! Where a build writes, through the real binary: outputs that would destroy the chronicle
//! are refused, builds of one output take turns, and a build that fails, is interrupted or
//! is killed leaves the previous output exactly as it was.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

fn annalist() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annalist"))
}

fn build(root: &Path, output: Option<&Path>) -> Output {
    let mut command = annalist();
    command.arg("build").arg("--root").arg(root);
    if let Some(output) = output {
        command.arg("--output").arg(output);
    }
    command.output().unwrap()
}

fn succeeded(output: &Output) {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn staging_folders(dir: &Path) -> Vec<String> {
    listing(dir).into_iter().filter(|name| name.contains(".staging-")).collect()
}

/// Builds `root` into `output`, expects a refusal, and checks that nothing under
/// `watched` changed.
fn assert_refused(root: &Path, output: &Path, watched: &Path) {
    let before = snapshot_tree(watched);
    let names_before = listing(watched);
    assert!(!before.is_empty());
    let run = build(root, Some(output));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{} should be refused:\n{stderr}", output.display());
    assert!(stderr.contains("error: refusing to build the site into"), "{stderr}");
    assert!(stderr.contains(&output.display().to_string()), "names the output:\n{stderr}");
    assert!(stderr.contains("help: "), "says what to do:\n{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(snapshot_tree(watched), before, "{} changed", watched.display());
    assert_eq!(listing(watched), names_before);
}

#[test]
fn refuses_the_chronicle_itself_and_what_it_reads() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    for output in [root.to_path_buf(), root.join("content"), root.join("seeds"), root.join("content/events")]
    {
        assert_refused(root, &output, root);
    }
    let run = build(root, Some(&root.join("content")));
    let stderr = String::from_utf8_lossy(&run.stderr);
    let content = root.canonicalize().unwrap().join("content");
    assert!(stderr.contains("which the build reads"), "{stderr}");
    assert!(stderr.contains(&content.display().to_string()), "names what it would replace:\n{stderr}");
    assert!(stderr.contains("or the default"), "{stderr}");
}

#[test]
fn refuses_the_folder_that_holds_the_chronicle() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("chronicle");
    copy_tree(&fixture("basic"), &root);
    fs::write(dir.path().join("sibling.txt"), "must survive").unwrap();
    assert_refused(&root, dir.path(), dir.path());
    assert_refused(&root, &root.join("public/.."), dir.path());
}

#[test]
fn refuses_an_existing_file() {
    let dir = copy_fixture("basic");
    let file = dir.path().join("site.html");
    fs::write(&file, "not a folder").unwrap();
    assert_refused(dir.path(), &file, dir.path());
    assert_eq!(fs::read_to_string(&file).unwrap(), "not a folder");
}

#[test]
fn a_second_build_replaces_the_output_whole_and_leaves_nothing_beside_it() {
    let chronicle = copy_fixture("basic");
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    succeeded(&build(chronicle.path(), Some(&public)));
    let first = snapshot_tree(&public);
    assert!(first.len() > 10);
    fs::write(public.join("stray.html"), "from before").unwrap();
    fs::create_dir(public.join("stray")).unwrap();
    succeeded(&build(chronicle.path(), Some(&public)));
    assert_eq!(snapshot_tree(&public), first);
    assert!(!public.join("stray").exists());
    assert_eq!(listing(out.path()), ["public"]);
    assert_eq!(listing(chronicle.path()), ["chronicle.toml", "content", "seeds"]);
}

#[test]
fn concurrent_builds_of_one_output_take_turns() {
    let chronicle = copy_fixture("basic");
    let reference = tempfile::tempdir().unwrap();
    succeeded(&build(chronicle.path(), Some(&reference.path().join("public"))));
    let expected = snapshot_tree(&reference.path().join("public"));

    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let builds: Vec<Child> = (0..4)
        .map(|_| {
            annalist()
                .arg("build")
                .arg("--root")
                .arg(chronicle.path())
                .arg("--output")
                .arg(&public)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in builds {
        let run = child.wait_with_output().unwrap();
        succeeded(&run);
        let stderr = String::from_utf8_lossy(&run.stderr);
        // A build that had to wait says so, in one line, and nothing else.
        for line in stderr.lines() {
            assert_eq!(line, format!("waiting for another build of {} to finish", public.display()));
        }
    }
    assert_eq!(snapshot_tree(&public), expected);
    assert_eq!(listing(out.path()), ["public"]);
}

#[test]
fn what_killed_builds_left_is_removed_by_the_next_build() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    succeeded(&build(root, None));
    for left in [".public.staging-1-1", ".public.new", ".public.old"] {
        fs::create_dir_all(root.join(left).join("days")).unwrap();
        fs::write(root.join(left).join("days/half.html"), "half-written").unwrap();
    }
    succeeded(&build(root, None));
    assert_eq!(listing(root), ["chronicle.toml", "content", "public", "seeds"]);
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_updates_its_target_and_stays_a_link() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let www = tempfile::tempdir().unwrap();
    let site = www.path().join("site");
    fs::create_dir(&site).unwrap();
    fs::write(site.join("old.html"), "from before").unwrap();
    std::os::unix::fs::symlink(&site, root.join("public")).unwrap();
    succeeded(&build(root, None));
    succeeded(&build(root, None));
    assert!(fs::symlink_metadata(root.join("public")).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_link(root.join("public")).unwrap(), site);
    assert!(site.join("index.html").is_file());
    assert!(!site.join("old.html").exists());
    assert_eq!(listing(www.path()), ["site"]);
    assert_eq!(listing(root), ["chronicle.toml", "content", "public", "seeds"]);
}

#[test]
fn a_failure_at_the_swap_leaves_the_previous_output_exactly() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    succeeded(&build(root, None));
    let public = root.join("public");
    let before = snapshot_tree(&public);
    // Changed content, so that a swap would show.
    let event = root.join("content/events/fighting.md");
    let text = fs::read_to_string(&event).unwrap().replace("Fighting went on for two days.", "Two days.");
    fs::write(&event, text).unwrap();

    let run = annalist().args(["build", "--root"]).arg(root).env("ANNALIST_FAULT", "swap").output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot swap the new site in"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(snapshot_tree(&public), before);
    assert_eq!(listing(root), ["chronicle.toml", "content", "public", "seeds"]);
}

/// A chronicle of `events` events, each quoting its own line of one seed: big enough that
/// a build takes a while.
fn big_chronicle(events: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for folder in ["content/events", "content/sources", "seeds"] {
        fs::create_dir_all(root.join(folder)).unwrap();
    }
    fs::write(
        root.join("chronicle.toml"),
        "title = \"Big\"\nlanguage = \"en\"\nbase_url = \"https://example.org/big/\"\n\n\
         [range]\nstart = \"2020-01-01\"\nend = \"2020-12-31\"\n",
    )
    .unwrap();
    fs::write(
        root.join("content/sources/ledger.md"),
        "+++\ntitle = \"The ledger\"\nlanguage = \"en\"\nkind = \"encyclopedia\"\nseed = \"seeds/ledger.txt\"\n+++\n",
    )
    .unwrap();
    let line = |i: usize| format!("Entry {i:06} records a happening.");
    let seed: String = (0..events).map(|i| format!("{}\n\n", line(i))).collect();
    fs::write(root.join("seeds/ledger.txt"), seed).unwrap();
    for i in 0..events {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let event = format!(
            "+++\ntitle = \"Happening {i}\"\nwhen = \"2020-{month:02}-{day:02}\"\n\n\
             [[attestations]]\nsource = \"ledger\"\nexact = \"{}\"\n+++\nIt happened.[^ledger]\n",
            line(i)
        );
        fs::write(root.join(format!("content/events/e{i:06}.md")), event).unwrap();
    }
    dir
}

/// Starts a build of `root` and returns it once its staging folder exists, or `None` if
/// the build finished first.
fn build_until_staging(root: &Path) -> Option<Child> {
    let mut child = annalist()
        .arg("build")
        .arg("--root")
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if !staging_folders(root).is_empty() {
            return Some(child);
        }
        if child.try_wait().unwrap().is_some() {
            return None;
        }
        sleep(Duration::from_millis(1));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("no staging folder appeared in {}", root.display());
}

/// Runs `stop` on a build once it is writing, growing the chronicle until the build is
/// slow enough to be caught before it finishes. Returns the chronicle, the output as it
/// was before, and what the stopped build said.
fn stop_a_build_midway(stop: impl Fn(&mut Child)) -> (tempfile::TempDir, Vec<(PathBuf, Vec<u8>)>, Output) {
    let mut events = 600;
    for _ in 0..5 {
        let chronicle = big_chronicle(events);
        let root = chronicle.path();
        succeeded(&build(root, None));
        let before = snapshot_tree(&root.join("public"));
        // The second build's content differs, so that a swap would show.
        let event = root.join("content/events/e000000.md");
        let text = fs::read_to_string(&event).unwrap().replace("It happened.", "It did happen.");
        fs::write(&event, text).unwrap();
        if let Some(mut child) = build_until_staging(root) {
            stop(&mut child);
            let run = child.wait_with_output().unwrap();
            if !run.status.success() {
                return (chronicle, before, run);
            }
        }
        // It finished before it could be stopped: try again with a slower build.
        events *= 2;
    }
    panic!("every build finished before it could be stopped, up to {events} events");
}

#[test]
fn a_build_waits_for_the_one_writing_its_output() {
    let mut events = 600;
    for _ in 0..5 {
        let chronicle = big_chronicle(events);
        let root = chronicle.path();
        if let Some(first) = build_until_staging(root) {
            // Without the lock, this build would take the first one's staging folder for
            // a dead build's and remove it.
            let second = build(root, None);
            let first = first.wait_with_output().unwrap();
            succeeded(&first);
            succeeded(&second);
            let stderr = String::from_utf8_lossy(&second.stderr);
            if stderr.contains("waiting for another build") {
                assert_eq!(listing(root), ["chronicle.toml", "content", "public", "seeds"]);
                let reference = tempfile::tempdir().unwrap();
                succeeded(&build(root, Some(&reference.path().join("public"))));
                assert_eq!(
                    snapshot_tree(&root.join("public")),
                    snapshot_tree(&reference.path().join("public"))
                );
                return;
            }
        }
        // The first build finished before the second started: try a slower one.
        events *= 2;
    }
    panic!("the second build never had to wait, up to {events} events");
}

#[cfg(unix)]
#[test]
fn an_interrupted_build_leaves_the_previous_output_exactly() {
    let (chronicle, before, run) = stop_a_build_midway(|child| {
        let status = Command::new("kill").arg("-INT").arg(child.id().to_string()).status().unwrap();
        assert!(status.success());
    });
    let root = chronicle.path();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(130), "{stderr}");
    let public = root.join("public");
    assert!(stderr.contains(&format!("interrupted; {} was left as it was", public.display())), "{stderr}");
    assert_eq!(snapshot_tree(&public), before);
    assert_eq!(listing(root), ["chronicle.toml", "content", "public", "seeds"]);
}

#[cfg(unix)]
#[test]
fn a_killed_build_leaves_the_output_and_the_next_build_clears_its_staging() {
    let (chronicle, before, run) = stop_a_build_midway(|child| child.kill().unwrap());
    let root = chronicle.path();
    assert_eq!(run.status.code(), None, "killed by a signal");
    let public = root.join("public");
    assert_eq!(snapshot_tree(&public), before);
    assert_eq!(staging_folders(root).len(), 1, "{:?}", listing(root));

    succeeded(&build(root, None));
    assert!(staging_folders(root).is_empty());
    let page = fs::read_to_string(public.join("events/e000000.html")).unwrap();
    assert!(page.contains("It did happen."));
    assert_eq!(listing(root), ["chronicle.toml", "content", "public", "seeds"]);
}
