//! The only module that writes to disk. The site is written to a staging folder beside
//! the output, then swapped in with renames, so a failed build never leaves a
//! half-written or emptied `public/`.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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

/// A sink that keeps every file in memory.
#[derive(Default)]
pub struct Collect(pub Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let file = OutputFile { path: path.to_string(), bytes: bytes.to_vec() };
        self.0.lock().map_err(|_| io::Error::other("poisoned"))?.push(file);
        Ok(())
    }

    fn write_with(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut bytes = Vec::new();
        fill(&mut bytes)?;
        self.write(path, &bytes)
    }
}

/// One file of the site, as data: a `/`-separated path under the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

pub fn write_site(output: &Path, files: &[OutputFile]) -> io::Result<()> {
    let staging = sibling(output, "new")?;
    let previous = sibling(output, "old")?;
    for stale in [&staging, &previous] {
        if stale.exists() {
            fs::remove_dir_all(stale)?;
        }
    }
    fs::create_dir_all(&staging)?;
    let written = write_all(&staging, files);
    if let Err(error) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
    let had_output = output.exists();
    if had_output {
        fs::rename(output, &previous)?;
    }
    if let Err(error) = fs::rename(&staging, output) {
        if had_output {
            let _ = fs::rename(&previous, output);
        }
        return Err(error);
    }
    if had_output {
        fs::remove_dir_all(&previous)?;
    }
    Ok(())
}

fn write_all(root: &Path, files: &[OutputFile]) -> io::Result<()> {
    for file in files {
        let path = root.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, &file.bytes)?;
    }
    Ok(())
}

/// `.public.new` beside `public`: same file system, so the rename is atomic.
fn sibling(output: &Path, suffix: &str) -> io::Result<PathBuf> {
    let name = output
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the output path has no folder name"))?;
    let parent = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    Ok(parent.join(format!(".{}.{suffix}", name.to_string_lossy())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_previous_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let file =
            |path: &str, text: &str| OutputFile { path: path.to_string(), bytes: text.as_bytes().to_vec() };
        write_site(&output, &[file("index.html", "one"), file("days/a.html", "a")]).unwrap();
        write_site(&output, &[file("index.html", "two")]).unwrap();
        assert_eq!(fs::read_to_string(output.join("index.html")).unwrap(), "two");
        assert!(!output.join("days/a.html").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }
}
