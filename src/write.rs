//! The only module that writes to disk.
//!
//! A build writes its files into a staging folder of its own beside the output
//! (`.<name>.staging-<pid>-<nanos>`, so on the same file system), then swaps it in whole.
//! On Linux the swap is one `renameat2(RENAME_EXCHANGE)`, so the output path always names
//! a complete site, the old one or the new one; elsewhere, or on a file system without the
//! flag, it is two renames, undone if the second fails. A build that fails or is
//! interrupted before the swap removes its staging folder and leaves the output as it was.
//!
//! Before anything is written, a [`Guard`] refuses an output that would replace or delete
//! the chronicle or anything the build reads: the site replaces its output folder whole,
//! so `--output .` would otherwise delete the chronicle itself.
//!
//! Builds of one output take turns through an OS file lock on `.<name>.lock` beside the
//! output, which the kernel releases even when a build is killed. So a staging folder
//! found there by the build holding the lock belongs to a dead build, and is removed.
//! The holder removes the lock file before unlocking it; a build that was waiting on the
//! file then sees that the path no longer names the file it locked (device and inode
//! differ) and starts over with the path's new file, so two builds never both hold the
//! lock. Without inodes to compare (not unix), the lock file is left in place instead,
//! which costs nothing.
//!
//! Files are written through `&self`, so several rendering threads can hand each file
//! over as soon as it is made. This module knows nothing of pages or of the chronicle
//! beyond the paths a [`Guard`] is given.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, BufWriter, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Where rendered files go, from any number of threads at once. `path` is relative and
/// `/`-separated.
pub trait Sink: Sync {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;
    /// Streams a large file into the sink.
    fn write_with(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()>;
}

/// A sink that keeps nothing: `check` renders every page through it.
#[derive(Default)]
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _path: &str, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn write_with(
        &self,
        _path: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        fill(&mut io::sink())
    }
}

// ---------------------------------------------------------------------------------------
// Interrupts

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Turns SIGINT, SIGTERM and SIGHUP into a flag that every write checks, so that an
/// interrupted build stops at its next file and removes its staging folder instead of
/// dying with it half-written. A second signal stops the process at once: the output is
/// still whole (the swap is a rename) and the next build removes the staging folder.
/// Call once, from the command line; a library user keeps its own signal handling.
pub fn catch_interrupts() -> io::Result<()> {
    ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            eprintln!("interrupted again; stopping now");
            std::process::exit(130);
        }
    })
    .map_err(io::Error::other)
}

/// Whether a signal asked the build to stop.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

fn interruption() -> io::Error {
    io::Error::new(io::ErrorKind::Interrupted, "the build was interrupted")
}

// ---------------------------------------------------------------------------------------
// Where a build may write

/// Where a build may write, checked before anything is written: the output replaces its
/// folder whole, so it must neither be nor hold nor lie inside what the build reads.
#[derive(Debug, Clone)]
pub struct Guard {
    /// The chronicle's folder, when there is one.
    root: Option<PathBuf>,
    /// Every folder and file the build reads.
    reads: Vec<PathBuf>,
}

impl Guard {
    /// Protects the chronicle at `root`: the output may not be it or hold it, nor be, hold
    /// or lie inside `chronicle.toml`, `content/`, `seeds/` or `themes/`. Any other folder
    /// inside the root, such as the default `public/`, is allowed.
    pub fn chronicle(root: &Path) -> Guard {
        let reads = ["chronicle.toml", "content", "seeds", "themes"].iter().map(|name| root.join(name));
        Guard { root: Some(root.to_path_buf()), reads: reads.collect() }
    }

    /// Knows no chronicle: refuses only an output that cannot be a site folder.
    pub fn basic() -> Guard {
        Guard { root: None, reads: Vec::new() }
    }

    /// Also protects `path`, a file or folder the build reads. A folder that holds the
    /// chronicle (the root itself, say, for a map outline beside `chronicle.toml`) only
    /// forbids outputs that hold it, or no output inside the root would be allowed.
    pub fn reading(mut self, path: impl Into<PathBuf>) -> Guard {
        self.reads.push(path.into());
        self
    }

    /// Where a site built into `output` really goes (every symbolic link followed), or why
    /// it may not go there.
    pub fn check(&self, output: &Path) -> Result<PathBuf, WriteError> {
        let io_error = |source| WriteError::Io {
            output: output.to_path_buf(),
            doing: "cannot follow its path and the chronicle's".to_string(),
            source,
        };
        let target = resolve(output).map_err(io_error)?;
        match self.conflict(&target).map_err(io_error)? {
            Some((reason, help)) => Err(WriteError::Refused { output: output.to_path_buf(), reason, help }),
            None => Ok(target),
        }
    }

    /// Why the site may not replace the folder `target` (resolved), and what to do instead.
    fn conflict(&self, target: &Path) -> io::Result<Option<(String, String)>> {
        if target.parent().is_none() || target.file_name().is_none() {
            let reason = format!("{} has no folder name", target.display());
            return Ok(Some((reason, "name a folder for the site, such as public/".to_string())));
        }
        let root = self.root.as_deref().map(resolve).transpose()?;
        let help = match &root {
            Some(root) => format!(
                "use a folder outside the chronicle's content, or the default {} (leave out --output)",
                root.join("public").display()
            ),
            None => "use a new folder, such as public/".to_string(),
        };
        if let Some(root) = &root {
            let shown = root.display();
            if target == root {
                let reason =
                    format!("it is the chronicle's own folder, {shown}, which the site would replace");
                return Ok(Some((reason, help)));
            }
            if root.starts_with(target) {
                let reason = format!("it holds the chronicle's folder {shown}, which the site would delete");
                return Ok(Some((reason, help)));
            }
        }
        for read in &self.reads {
            let read = resolve(read)?;
            let shown = read.display();
            let holds_root = root.as_ref().is_some_and(|root| root.starts_with(&read));
            let reason = if target == read {
                format!("it is {shown}, which the build reads and the site would replace")
            } else if read.starts_with(target) {
                format!("it holds {shown}, which the build reads and the site would delete")
            } else if target.starts_with(&read) && !holds_root {
                format!("it is inside {shown}, which the build reads")
            } else {
                continue;
            };
            return Ok(Some((reason, help)));
        }
        match fs::metadata(target) {
            Ok(meta) if !meta.is_dir() => {
                let reason = format!("{} is a file, which the site would replace", target.display());
                Ok(Some((reason, "give a folder to build into, or move the file away".to_string())))
            }
            Ok(_) => Ok(None),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }
}

/// How many symbolic links one path may go through, as Linux allows (`ELOOP` after 40).
const MAX_LINKS: u32 = 40;

/// `path` as the system sees it: absolute, every symbolic link followed, every `.` and
/// `..` applied. The part that does not exist yet is appended as written, and a link to a
/// folder that does not exist yet resolves to where that folder would be.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    resolve_following(path, &mut 0)
}

fn resolve_following(path: &Path, links: &mut u32) -> io::Result<PathBuf> {
    let absolute = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir()?.join(path) };
    let mut resolved = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => resolved.push(component),
            Component::CurDir => {}
            // `resolved` holds no link, so its parent is what `..` names.
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                let next = resolved.join(name);
                match fs::symlink_metadata(&next) {
                    Ok(meta) if meta.file_type().is_symlink() => {
                        *links += 1;
                        if *links > MAX_LINKS {
                            return Err(io::Error::other(format!(
                                "{} goes through more than {MAX_LINKS} symbolic links",
                                path.display()
                            )));
                        }
                        // A relative link is relative to the folder holding it.
                        let target = resolved.join(fs::read_link(&next)?);
                        resolved = resolve_following(&target, links)?;
                    }
                    Ok(_) => resolved = next,
                    Err(error) if error.kind() == io::ErrorKind::NotFound => resolved = next,
                    Err(error) => return Err(error),
                }
            }
        }
    }
    Ok(resolved)
}

// ---------------------------------------------------------------------------------------
// A build in progress

/// A build in progress: a staging folder beside the output, and the output's lock.
/// Dropped without [`Staging::commit`], it removes the staging folder and the output
/// stays as it was.
#[derive(Debug)]
pub struct Staging {
    /// The output as the user named it, for messages.
    output: PathBuf,
    /// Where the site goes: the output with every link followed.
    target: PathBuf,
    /// The staging folder, beside `target`.
    dir: PathBuf,
    /// What killed builds left beside the output and `begin` could not remove.
    stuck: Vec<Leftover>,
    /// Set once `dir` no longer holds this build's files (swapped in, or swapped out and
    /// holding the previous site), so that drop leaves it alone.
    swapped: bool,
    /// Declared last so that it is released after the staging folder is removed.
    _lock: Lock,
}

/// What a successful commit left behind.
#[derive(Debug)]
#[must_use]
pub struct Committed {
    /// Old copies of the site that could not be removed: the previous site once the new
    /// one was swapped in, or what killed builds left beside the output. Each is worth a
    /// warning, never a failure: the new site is in place.
    pub leftovers: Vec<Leftover>,
}

/// An old copy of the site that could not be removed.
#[derive(Debug)]
pub struct Leftover {
    pub path: PathBuf,
    pub error: io::Error,
}

impl Leftover {
    pub fn message(&self) -> String {
        format!(
            "the new site is in place, but an old copy could not be removed from {}: {}",
            self.path.display(),
            self.error
        )
    }

    pub fn help(&self) -> String {
        "the next build tries again; or delete it by hand".to_string()
    }
}

impl Staging {
    /// Refuses a dangerous output (see [`Guard::check`]), takes the output's lock (waiting
    /// for another build of the same output to finish, after saying so on stderr), removes
    /// what killed builds left beside the output, and creates a fresh staging folder.
    pub fn begin(output: &Path, guard: &Guard) -> Result<Staging, WriteError> {
        let target = guard.check(output)?;
        let fail =
            |doing: String, source: io::Error| WriteError::Io { output: output.to_path_buf(), doing, source };
        let (parent, name) = match (target.parent(), target.file_name()) {
            (Some(parent), Some(name)) => (parent.to_path_buf(), name.to_os_string()),
            // `check` refuses a path without both.
            _ => {
                return Err(fail("cannot name a folder beside it".into(), io::ErrorKind::InvalidInput.into()))
            }
        };
        fs::create_dir_all(&parent)
            .map_err(|source| fail(format!("cannot create the folder {}", parent.display()), source))?;
        let lock_path = parent.join(hidden(&name, "lock"));
        let lock = Lock::take(&lock_path, output).map_err(|source| match source.kind() {
            io::ErrorKind::Interrupted => WriteError::Interrupted { output: output.to_path_buf() },
            _ => fail(format!("cannot lock {}", lock_path.display()), source),
        })?;
        let output_exists = fs::symlink_metadata(&target).is_ok();
        let stuck = remove_leftovers(&parent, &name, output_exists)
            .map_err(|source| fail(format!("cannot list {}", parent.display()), source))?;
        let dir = create_staging(&parent, &name).map_err(|source| {
            fail(format!("cannot create a staging folder in {}", parent.display()), source)
        })?;
        Ok(Staging { output: output.to_path_buf(), target, dir, stuck, swapped: false, _lock: lock })
    }

    /// The output as the user named it.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Writes one file of the site. `path` is `/`-separated and relative to the output;
    /// its folders are created. Each path may be written once: a second write of the same
    /// path is an error, as two threads racing to one file would make the site depend on
    /// which came last.
    pub fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let mut file = self.create(path)?;
        file.write_all(bytes).map_err(|error| in_file(path, error))
    }

    /// Writes one big file of the site through a buffer, as `fill` makes it.
    pub fn write_with(
        &self,
        path: &str,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut writer = BufWriter::new(self.create(path)?);
        fill(&mut writer).and_then(|()| writer.flush()).map_err(|error| in_file(path, error))
    }

    fn create(&self, path: &str) -> io::Result<File> {
        if interrupted() {
            return Err(interruption());
        }
        let relative = site_path(path)?;
        let file = self.dir.join(&relative);
        let created = match File::create_new(&file) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                self.create_folders(&relative).and_then(|()| File::create_new(&file))
            }
            created => created,
        };
        created.map_err(|error| match error.kind() {
            io::ErrorKind::AlreadyExists => {
                io::Error::new(error.kind(), format!("{path} was written twice in one build"))
            }
            _ => in_file(path, error),
        })
    }

    /// Creates the folders of `relative` inside the staging folder, but never the staging
    /// folder itself: if something removed it, the build must fail rather than swap in a
    /// site that lacks every file written before.
    fn create_folders(&self, relative: &Path) -> io::Result<()> {
        let mut folder = self.dir.clone();
        for part in relative.parent().into_iter().flat_map(Path::components) {
            folder.push(part);
            match fs::create_dir(&folder) {
                // Another thread may have just made it.
                Err(error) if error.kind() != io::ErrorKind::AlreadyExists => return Err(error),
                _ => {}
            }
        }
        Ok(())
    }

    /// The error to report for a failed [`Staging::write`]: an interruption as such, any
    /// other failure as one that left the output as it was.
    pub fn error(&self, error: io::Error) -> WriteError {
        if error.kind() == io::ErrorKind::Interrupted || interrupted() {
            WriteError::Interrupted { output: self.output.clone() }
        } else {
            WriteError::Io { output: self.output.clone(), doing: "cannot write a file".into(), source: error }
        }
    }

    /// Swaps the staging folder in as the output, then removes the previous site. Once
    /// this returns `Ok`, the new site is in place, even if the old one could not be
    /// removed (see [`Committed::leftovers`]); on `Err`, the output is as it was, unless
    /// the error is [`WriteError::Stranded`].
    pub fn commit(self) -> Result<Committed, WriteError> {
        self.commit_by(Swap::Exchange)
    }

    fn commit_by(mut self, swap: Swap) -> Result<Committed, WriteError> {
        if interrupted() {
            return Err(WriteError::Interrupted { output: self.output.clone() });
        }
        fault("swap").map_err(|source| self.swap_error(source))?;
        let previous = match fs::symlink_metadata(&self.target) {
            Ok(meta) => Some(meta),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(source) => return Err(self.swap_error(source)),
        };
        let Some(previous) = previous else {
            fs::rename(&self.dir, &self.target).map_err(|source| self.swap_error(source))?;
            self.swapped = true;
            return Ok(Committed { leftovers: std::mem::take(&mut self.stuck) });
        };
        if !previous.is_dir() {
            let source = io::Error::other(format!("{} is no longer a folder", self.target.display()));
            return Err(self.swap_error(source));
        }
        // The new folder takes the old one's permissions: a web server may rely on them.
        let _ = fs::set_permissions(&self.dir, previous.permissions());
        if swap == Swap::Exchange {
            if let Some(exchanged) = exchange(&self.dir, &self.target) {
                exchanged.map_err(|source| self.swap_error(source))?;
                // The previous site is now at the staging path.
                self.swapped = true;
                let old = self.dir.clone();
                return Ok(self.committed(old));
            }
        }
        self.commit_by_renames()
    }

    /// The swap as two renames, for where one exchange cannot do it: the output is moved
    /// aside, the staging folder takes its place, and on failure the output is moved back.
    fn commit_by_renames(mut self) -> Result<Committed, WriteError> {
        let (Some(parent), Some(name)) = (self.target.parent(), self.target.file_name()) else {
            return Err(self.swap_error(io::ErrorKind::InvalidInput.into()));
        };
        let aside = parent.join(hidden(name, &format!("previous-{}", unique_suffix())));
        fs::rename(&self.target, &aside).map_err(|source| self.swap_error(source))?;
        if let Err(source) = fs::rename(&self.dir, &self.target) {
            return Err(match fs::rename(&aside, &self.target) {
                Ok(()) => self.swap_error(source),
                Err(_) => WriteError::Stranded { output: self.output.clone(), previous: aside, source },
            });
        }
        self.swapped = true;
        Ok(self.committed(aside))
    }

    /// The result of a swap that put the previous site at `old`, which is removed now.
    fn committed(&mut self, old: PathBuf) -> Committed {
        let mut leftovers = std::mem::take(&mut self.stuck);
        if let Err(error) = fs::remove_dir_all(&old) {
            leftovers.push(Leftover { path: old, error });
        }
        Committed { leftovers }
    }

    fn swap_error(&self, source: io::Error) -> WriteError {
        WriteError::Io {
            output: self.output.clone(),
            doing: format!("cannot swap the new site in at {}", self.target.display()),
            source,
        }
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        Staging::write(self, path, bytes)
    }

    fn write_with(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        Staging::write_with(self, path, fill)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.swapped {
            // Best effort: what is left is removed by the next build of this output.
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Swap {
    Exchange,
    #[cfg_attr(not(test), allow(dead_code))]
    Renames,
}

/// Swaps two paths in one step. `None` where the system or the file system cannot.
///
/// Through `rustix` rather than `libc`: it is a safe wrapper (no `unsafe` here, and it
/// makes the C strings), well kept by the Bytecode Alliance, and already in the tree.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Option<io::Result<()>> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Some(Ok(())),
        // Kernels before 3.15 do not have renameat2, and some file systems lack the flag.
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => None,
        Err(errno) => Some(Err(errno.into())),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> Option<io::Result<()>> {
    None
}

/// Test hook, compiled only with debug assertions: `ANNALIST_FAULT=<point>` makes the
/// build fail at that point (`swap`: just before the swap), so tests can check through the
/// real binary what a failure leaves. Release builds do not have it.
#[cfg(debug_assertions)]
fn fault(point: &str) -> io::Result<()> {
    match std::env::var_os("ANNALIST_FAULT") {
        Some(value) if value == point => Err(io::Error::other(format!("fault injected at {point}"))),
        _ => Ok(()),
    }
}

#[cfg(not(debug_assertions))]
fn fault(_: &str) -> io::Result<()> {
    Ok(())
}

/// `path` of a site file as a relative path; refuses what could reach outside the
/// staging folder or name it (`..`, an absolute path, empty or `.` parts).
fn site_path(path: &str) -> io::Result<PathBuf> {
    let mut relative = PathBuf::new();
    for part in path.split('/') {
        if part.is_empty() || part == "." || part == ".." || part.contains(['\\', '\0']) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{path}` is not a relative `/`-separated path of names inside the site"),
            ));
        }
        relative.push(part);
    }
    Ok(relative)
}

fn in_file(path: &str, error: io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("{path}: {error}"))
}

/// `.<name>.<suffix>`: hidden beside the output.
fn hidden(name: &OsStr, suffix: &str) -> OsString {
    let mut hidden = OsString::from(".");
    hidden.push(name);
    hidden.push(".");
    hidden.push(suffix);
    hidden
}

/// `<pid>-<nanos>`: no other build has it, even one started in the same nanosecond by
/// another process.
fn unique_suffix() -> String {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_nanos());
    format!("{}-{nanos}", std::process::id())
}

fn create_staging(parent: &Path, name: &OsStr) -> io::Result<PathBuf> {
    loop {
        let dir = parent.join(hidden(name, &format!("staging-{}", unique_suffix())));
        match fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            // Two stagings of one process within the clock's resolution: take the next.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
}

/// What a build leaves beside its output when it is killed.
#[derive(Debug, PartialEq, Eq)]
enum Left {
    /// `.<name>.staging-<pid>-<nanos>`: a half-written site.
    Staging,
    /// `.<name>.previous-<pid>-<nanos>`: the previous site, moved aside by two renames.
    Previous,
    /// `.<name>.new` and `.<name>.old`, from versions before the staging folders.
    LegacyNew,
    LegacyOld,
}

fn left_by_a_build(output_name: &OsStr, entry: &OsStr) -> Option<Left> {
    let prefix = hidden(output_name, "");
    let rest = entry.as_encoded_bytes().strip_prefix(prefix.as_encoded_bytes())?;
    let numbered = |rest: &[u8], kind: &[u8]| {
        let ids = rest.strip_prefix(kind)?.split(|&b| b == b'-').collect::<Vec<_>>();
        let digits = |id: &&[u8]| !id.is_empty() && id.iter().all(u8::is_ascii_digit);
        (ids.len() == 2 && ids.iter().all(digits)).then_some(())
    };
    match rest {
        b"new" => Some(Left::LegacyNew),
        b"old" => Some(Left::LegacyOld),
        _ if numbered(rest, b"staging-").is_some() => Some(Left::Staging),
        _ if numbered(rest, b"previous-").is_some() => Some(Left::Previous),
        _ => None,
    }
}

/// Removes what killed builds of this output left beside it, and returns what it could
/// not remove: that is worth a warning, not a failed build (or every later build would
/// fail too). Called with the lock held, so no live build owns any of it. A previous site
/// moved aside is kept while the output is missing: it may be the only copy.
fn remove_leftovers(parent: &Path, name: &OsStr, output_exists: bool) -> io::Result<Vec<Leftover>> {
    let mut stuck = Vec::new();
    for entry in fs::read_dir(parent)? {
        let entry = entry?;
        let stale = match left_by_a_build(name, &entry.file_name()) {
            Some(Left::Staging | Left::LegacyNew) => true,
            Some(Left::Previous | Left::LegacyOld) => output_exists,
            None => false,
        };
        if stale {
            let path = entry.path();
            // Not following links: a link is removed, never what it points to.
            let removed = match fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path),
                Ok(_) => fs::remove_file(&path),
                Err(error) => Err(error),
            };
            match removed {
                Err(error) if error.kind() != io::ErrorKind::NotFound => stuck.push(Leftover { path, error }),
                _ => {}
            }
        }
    }
    Ok(stuck)
}

// ---------------------------------------------------------------------------------------
// The lock

/// The output's lock, held from `begin` to the end of the build.
#[derive(Debug)]
struct Lock {
    file: File,
    path: PathBuf,
}

/// How often a waiting build tries the lock again. Polling rather than blocking, so a
/// waiting build still stops when interrupted.
const LOCK_POLL: Duration = Duration::from_millis(50);

impl Lock {
    fn take(path: &Path, output: &Path) -> io::Result<Lock> {
        let mut announced = false;
        loop {
            let file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path)?;
            loop {
                match file.try_lock() {
                    Ok(()) => break,
                    Err(TryLockError::WouldBlock) => {
                        if !announced {
                            eprintln!("waiting for another build of {} to finish", output.display());
                            announced = true;
                        }
                        if interrupted() {
                            return Err(interruption());
                        }
                        std::thread::sleep(LOCK_POLL);
                    }
                    Err(TryLockError::Error(error)) => return Err(error),
                }
            }
            // The build we waited for may have removed the file: then start over.
            if still_named(path, &file)? {
                return Ok(Lock { file, path: path.to_path_buf() });
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked, so a build waiting on this file starts over with a
        // new one (see the module doc).
        if cfg!(unix) && matches!(still_named(&self.path, &self.file), Ok(true)) {
            let _ = fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// Whether `path` still names `file`.
#[cfg(unix)]
fn still_named(path: &Path, file: &File) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let held = file.metadata()?;
    match fs::metadata(path) {
        Ok(named) => Ok(named.dev() == held.dev() && named.ino() == held.ino()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error),
    }
}

/// Without inodes the lock file is never removed, so it always names the file locked.
#[cfg(not(unix))]
fn still_named(_: &Path, _: &File) -> io::Result<bool> {
    Ok(true)
}

// ---------------------------------------------------------------------------------------
// Errors

/// Why the site was not written. Each says what is wrong and what to do.
#[derive(Debug)]
pub enum WriteError {
    /// The output would replace or delete the chronicle, something the build reads, or a
    /// file. Nothing was touched. A usage error.
    Refused { output: PathBuf, reason: String, help: String },
    /// A signal stopped the build; its staging folder is removed and the output untouched.
    Interrupted { output: PathBuf },
    /// Reading or writing failed; the output is as it was.
    Io { output: PathBuf, doing: String, source: io::Error },
    /// The swap by two renames failed halfway and the previous site could not be moved
    /// back: it is at `previous`, and the output path is empty.
    Stranded { output: PathBuf, previous: PathBuf, source: io::Error },
}

impl WriteError {
    /// What is wrong.
    pub fn message(&self) -> String {
        match self {
            WriteError::Refused { output, reason, .. } => {
                format!("refusing to build the site into {}: {reason}", output.display())
            }
            WriteError::Interrupted { output } => {
                format!("interrupted; {} was left as it was", output.display())
            }
            WriteError::Io { output, doing, source } => {
                format!("cannot write the site to {}: {doing}: {source}", output.display())
            }
            WriteError::Stranded { output, source, .. } => format!(
                "cannot write the site to {}: {source}, and the previous site could not be moved back",
                output.display()
            ),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> String {
        match self {
            WriteError::Refused { help, .. } => help.clone(),
            WriteError::Interrupted { .. } => "run the build again".to_string(),
            WriteError::Io { output, source, .. } => {
                let folder = match output.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent.display().to_string(),
                    _ => "the current folder".to_string(),
                };
                let what = match source.kind() {
                    io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                        format!("check that you may write to {folder}")
                    }
                    io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                        format!("make room on the disk that holds {folder}")
                    }
                    _ => format!("check that {folder} is a folder you may write to, with room on its disk"),
                };
                format!("{what}; {} was left as it was", output.display())
            }
            WriteError::Stranded { output, previous, .. } => format!(
                "the previous site is at {}: rename it to {}, or build again",
                previous.display(),
                output.display()
            ),
        }
    }

    /// A usage error (the command line exits 2), not a failed build.
    pub fn is_refusal(&self) -> bool {
        matches!(self, WriteError::Refused { .. })
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.message(), self.help())
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Io { source, .. } | WriteError::Stranded { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<WriteError> for io::Error {
    fn from(error: WriteError) -> io::Error {
        let kind = match &error {
            WriteError::Refused { .. } => io::ErrorKind::InvalidInput,
            WriteError::Interrupted { .. } => io::ErrorKind::Interrupted,
            WriteError::Io { source, .. } | WriteError::Stranded { source, .. } => source.kind(),
        };
        io::Error::new(kind, error)
    }
}

// Rendering threads share one `Staging`.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Staging>();
};

#[cfg(test)]
mod tests {

    /// One file of the site, as data: a `/`-separated path under the output folder.
    #[derive(Debug, Clone, PartialEq, Eq)]
    struct OutputFile {
        path: String,
        bytes: Vec<u8>,
    }

    /// Writes `files` as the whole site at `output`, replacing what was there. Refuses only
    /// what can never be a site folder (a file, the file system's root): callers that know
    /// the chronicle should use [`Staging::begin`] with [`Guard::chronicle`].
    fn write_site(output: &Path, files: &[OutputFile]) -> Result<Committed, WriteError> {
        let staging = Staging::begin(output, &Guard::basic())?;
        for file in files {
            staging.write(&file.path, &file.bytes).map_err(|error| staging.error(error))?;
        }
        staging.commit()
    }
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile { path: path.to_string(), bytes: text.as_bytes().to_vec() }
    }

    fn site(output: &Path, files: &[OutputFile]) {
        let committed = write_site(output, files).unwrap();
        assert!(committed.leftovers.is_empty());
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// A chronicle's folders in a temporary folder, with its canonical path.
    fn chronicle() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap().join("chronicle");
        for folder in ["content/events", "seeds", "themes/mine", "map"] {
            fs::create_dir_all(root.join(folder)).unwrap();
        }
        fs::write(root.join("chronicle.toml"), "").unwrap();
        fs::write(root.join("map/outline.json"), "{}").unwrap();
        (dir, root)
    }

    fn refused(guard: &Guard, output: &Path) -> bool {
        match guard.check(output) {
            Err(error) => error.is_refusal(),
            Ok(_) => false,
        }
    }

    #[test]
    fn replaces_the_previous_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        site(&output, &[file("index.html", "one"), file("days/a.html", "a")]);
        site(&output, &[file("index.html", "two")]);
        assert_eq!(fs::read_to_string(output.join("index.html")).unwrap(), "two");
        assert!(!output.join("days/a.html").exists());
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn the_swap_by_two_renames_replaces_the_site_too() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        site(&output, &[file("index.html", "one"), file("days/a.html", "a")]);
        let staging = Staging::begin(&output, &Guard::basic()).unwrap();
        staging.write("index.html", b"two").unwrap();
        let committed = staging.commit_by(Swap::Renames).unwrap();
        assert!(committed.leftovers.is_empty());
        assert_eq!(fs::read_to_string(output.join("index.html")).unwrap(), "two");
        assert!(!output.join("days/a.html").exists());
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn an_uncommitted_staging_leaves_the_output_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        site(&output, &[file("index.html", "one")]);
        let staging = Staging::begin(&output, &Guard::basic()).unwrap();
        staging.write("index.html", b"two").unwrap();
        assert_eq!(names(dir.path()).len(), 3, "the output, its lock and the staging folder");
        drop(staging);
        assert_eq!(fs::read_to_string(output.join("index.html")).unwrap(), "one");
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn writes_come_from_several_threads() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staging = Staging::begin(&output, &Guard::basic()).unwrap();
        std::thread::scope(|scope| {
            for thread in 0..4 {
                let staging = &staging;
                scope.spawn(move || {
                    for page in 0..50 {
                        staging.write(&format!("days/{thread}/{page}.html"), b"page").unwrap();
                    }
                    staging
                        .write_with(&format!("big-{thread}.txt"), |out| {
                            (0..1000).try_for_each(|line| writeln!(out, "line {line}"))
                        })
                        .unwrap();
                });
            }
        });
        assert!(staging.commit().unwrap().leftovers.is_empty());
        assert_eq!(fs::read_dir(output.join("days/3")).unwrap().count(), 50);
        assert!(fs::read_to_string(output.join("big-2.txt")).unwrap().ends_with("line 999\n"));
    }

    #[test]
    fn a_removed_staging_folder_fails_the_build_instead_of_coming_back() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        site(&output, &[file("index.html", "one")]);
        let staging = Staging::begin(&output, &Guard::basic()).unwrap();
        staging.write("days/a.html", b"a").unwrap();
        fs::remove_dir_all(&staging.dir).unwrap();
        assert!(staging.write("days/b.html", b"b").is_err());
        assert!(staging.write("index.html", b"two").is_err());
        assert!(staging.commit().is_err());
        assert_eq!(fs::read_to_string(output.join("index.html")).unwrap(), "one");
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn refuses_paths_that_leave_the_site_and_a_second_write() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::begin(&dir.path().join("public"), &Guard::basic()).unwrap();
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "a/", "./a", "a\\b"] {
            let error = staging.write(bad, b"x").unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
        staging.write("a/b.html", b"x").unwrap();
        let error = staging.write("a/b.html", b"y").unwrap_err();
        assert!(error.to_string().contains("written twice"), "{error}");
        assert!(!dir.path().join("x").exists());
    }

    #[test]
    fn removes_what_killed_builds_left() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        site(&output, &[file("index.html", "one")]);
        for left in [".public.staging-1-2", ".public.new", ".public.old", ".public.previous-3-4"] {
            fs::create_dir_all(dir.path().join(left).join("days")).unwrap();
        }
        // Not this output's: another output's staging, and names that only look alike.
        for kept in [".public2.staging-1-2", ".public.staging-1.staging-2-3", ".public.staging-x-1"] {
            fs::create_dir(dir.path().join(kept)).unwrap();
        }
        site(&output, &[file("index.html", "two")]);
        assert_eq!(
            names(dir.path()),
            [".public.staging-1.staging-2-3", ".public.staging-x-1", ".public2.staging-1-2", "public"]
        );
    }

    #[test]
    fn keeps_a_previous_site_moved_aside_while_the_output_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(".public.previous-3-4")).unwrap();
        fs::create_dir(dir.path().join(".public.old")).unwrap();
        site(&dir.path().join("public"), &[file("index.html", "one")]);
        assert_eq!(names(dir.path()), [".public.old", ".public.previous-3-4", "public"]);
    }

    #[test]
    fn recognises_only_this_outputs_leftovers() {
        let name = OsStr::new("public");
        let left = |entry: &str| left_by_a_build(name, OsStr::new(entry));
        assert_eq!(left(".public.staging-12-345"), Some(Left::Staging));
        assert_eq!(left(".public.previous-12-345"), Some(Left::Previous));
        assert_eq!(left(".public.new"), Some(Left::LegacyNew));
        assert_eq!(left(".public.old"), Some(Left::LegacyOld));
        for other in
            [".public.lock", ".public.staging-1", ".public.staging-1-2-3", ".public.staging--2", "public"]
        {
            assert_eq!(left(other), None, "{other}");
        }
    }

    #[test]
    fn resolves_dot_dot_and_missing_parts() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        fs::create_dir_all(base.join("a/b")).unwrap();
        assert_eq!(resolve(&base.join("a/b/../c")).unwrap(), base.join("a/c"));
        assert_eq!(resolve(&base.join("a/./missing/../b/new")).unwrap(), base.join("a/b/new"));
        assert_eq!(resolve(&base.join("a/b/../../..")).unwrap(), base.parent().unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn resolves_links_before_dot_dot() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        fs::create_dir_all(base.join("real/deep")).unwrap();
        std::os::unix::fs::symlink(base.join("real/deep"), base.join("link")).unwrap();
        std::os::unix::fs::symlink("../../real", base.join("real/deep/up")).unwrap();
        std::os::unix::fs::symlink(base.join("not-yet"), base.join("dangling")).unwrap();
        // `link/..` is the parent of where the link points, not `base`.
        assert_eq!(resolve(&base.join("link/..")).unwrap(), base.join("real"));
        assert_eq!(resolve(&base.join("link/up/deep/x")).unwrap(), base.join("real/deep/x"));
        assert_eq!(resolve(&base.join("dangling/site")).unwrap(), base.join("not-yet/site"));
        std::os::unix::fs::symlink(base.join("loop"), base.join("loop")).unwrap();
        assert!(resolve(&base.join("loop")).is_err());
    }

    #[test]
    fn refuses_the_chronicle_and_what_it_reads() {
        let (_dir, root) = chronicle();
        let guard = Guard::chronicle(&root).reading(root.join("map/outline.json")).reading(root.join("map"));
        for bad in [
            root.clone(),
            root.join("."),
            root.join("public/.."),
            root.parent().unwrap().to_path_buf(),
            PathBuf::from("/"),
            root.join("content"),
            root.join("content/events"),
            root.join("content/new-folder/site"),
            root.join("seeds"),
            root.join("themes"),
            root.join("themes/mine/static"),
            root.join("map"),
            root.join("map/site"),
            root.join("map/outline.json"),
            root.join("chronicle.toml"),
        ] {
            assert!(refused(&guard, &bad), "{} should be refused", bad.display());
        }
        for good in [root.join("public"), root.join("site/public"), root.join("../elsewhere")] {
            assert!(guard.check(&good).is_ok(), "{} should be allowed", good.display());
        }
    }

    #[test]
    fn a_map_outline_beside_the_config_does_not_forbid_public() {
        let (_dir, root) = chronicle();
        fs::write(root.join("outline.json"), "{}").unwrap();
        let guard = Guard::chronicle(&root).reading(root.join("outline.json")).reading(root.clone());
        assert!(guard.check(&root.join("public")).is_ok());
        assert!(refused(&guard, &root.join("outline.json")));
        assert!(refused(&guard, &root));
    }

    #[test]
    fn refuses_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("site.txt");
        fs::write(&path, "keep").unwrap();
        assert!(refused(&Guard::basic(), &path));
        assert!(write_site(&path, &[file("index.html", "x")]).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "keep");
    }

    #[cfg(unix)]
    #[test]
    fn follows_links_to_what_they_name() {
        let (dir, root) = chronicle();
        let guard = Guard::chronicle(&root);
        std::os::unix::fs::symlink(root.join("content"), dir.path().join("innocent")).unwrap();
        assert!(refused(&guard, &dir.path().join("innocent")));
        let elsewhere = dir.path().join("www/site");
        fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("public")).unwrap();
        assert_eq!(guard.check(&root.join("public")).unwrap(), elsewhere.canonicalize().unwrap());
    }

    #[test]
    fn errors_say_what_to_do() {
        let (_dir, root) = chronicle();
        let error = Guard::chronicle(&root).check(&root.join("content")).unwrap_err();
        let text = error.to_string();
        assert!(text.contains(&root.join("content").display().to_string()), "{text}");
        assert!(text.contains("the default"), "{text}");
        assert!(text.contains(&root.join("public").display().to_string()), "{text}");
    }
}
