//! The documents named on the command line: files, directories (recursively, *.txt and *.md) or
//! `-` for standard input. Every problem names the file it is about.
//!
//! A document's identity is its canonical source: the absolute, symlink-resolved path of its file,
//! or an id the user gives (standard input has no path, so it needs one). The same file under two
//! spellings of its path is one document, and ingesting it again replaces its earlier version.

use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}: no such file or directory")]
    NotFound(String),
    #[error("{0}: directory holds no .txt or .md files")]
    EmptyDirectory(String),
    #[error("{file}:{line}: not valid UTF-8 text (byte {byte})")]
    NotUtf8 { file: String, line: usize, byte: usize },
    #[error("{0}: empty document")]
    Empty(String),
    #[error("{path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("no readable documents in {0}")]
    NoDocuments(String),
    #[error(
        "a document read from standard input needs --id NAME: its identity in the store (ingesting again with the same id replaces it)"
    )]
    StdinNeedsId,
    #[error("--id names one document, but {0} were given")]
    IdForMany(usize),
}

pub type Result<T, E = InputError> = std::result::Result<T, E>;

/// A document read into memory.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from: the path as given, or "-" for standard input.
    pub source: String,
    pub text: String,
}

/// Where a document's bytes are.
#[derive(Debug, Clone)]
pub enum Origin {
    File(PathBuf),
    /// Standard input, read when the inputs are listed.
    Bytes(Vec<u8>),
}

/// A document to ingest, not yet read.
#[derive(Debug, Clone)]
pub struct Input {
    /// Its identity in the store.
    pub id: String,
    /// The path as given, for messages.
    pub display: String,
    pub origin: Origin,
    /// Bytes on disk (or read).
    pub size: u64,
}

impl Input {
    /// Reads and decodes the document.
    pub fn read(&self) -> Result<Document> {
        let bytes = match &self.origin {
            Origin::File(path) => std::fs::read(path).map_err(|error| InputError::Io { path: self.display.clone(), error })?,
            Origin::Bytes(b) => b.clone(),
        };
        decode(&self.display, bytes)
    }
}

/// Lists every document of `paths` in order, each once, checking before anything is written that
/// each file named directly is readable text (a bad file inside a directory is only found when it
/// is read, and is then skipped with a warning). `id`, for a single document, is its identity.
pub fn list_inputs(paths: &[PathBuf], id: Option<&str>) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for entry in walk(paths)? {
        match entry {
            Entry::Stdin => {
                let id = id.ok_or(InputError::StdinNeedsId)?;
                let buf = read_stdin()?;
                decode("-", buf.clone())?;
                inputs.push(Input { id: id.to_string(), display: "-".into(), size: buf.len() as u64, origin: Origin::Bytes(buf) });
            }
            Entry::InDirectory(f) => inputs.push(file_input(&f)?),
            Entry::Named(f) => {
                let input = file_input(&f)?;
                input.read()?;
                inputs.push(input);
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|i| seen.insert(i.id.clone()));
    if let Some(id) = id {
        if inputs.len() != 1 {
            return Err(InputError::IdForMany(inputs.len()));
        }
        inputs[0].id = id.to_string();
    }
    Ok(inputs)
}

/// One thing named on the command line, or found in a directory named there.
enum Entry {
    Stdin,
    /// A file named directly: a problem with it is an error.
    Named(PathBuf),
    /// A file found in a directory: a problem with it is a warning.
    InDirectory(PathBuf),
}

/// Every entry of `paths`, in order; a missing path or a directory without text files is an error,
/// and so is nothing at all.
fn walk(paths: &[PathBuf]) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            entries.push(Entry::Stdin);
        } else if path.is_dir() {
            let files = text_files(path)?;
            if files.is_empty() {
                return Err(InputError::EmptyDirectory(path.display().to_string()));
            }
            entries.extend(files.into_iter().map(Entry::InDirectory));
        } else if path.exists() {
            entries.push(Entry::Named(path.clone()));
        } else {
            return Err(InputError::NotFound(path.display().to_string()));
        }
    }
    if entries.is_empty() {
        return Err(no_documents(paths));
    }
    Ok(entries)
}

fn no_documents(paths: &[PathBuf]) -> InputError {
    InputError::NoDocuments(paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))
}

fn read_stdin() -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::stdin().read_to_end(&mut buf).map_err(|error| InputError::Io { path: "-".into(), error })?;
    Ok(buf)
}

fn file_input(path: &Path) -> Result<Input> {
    let io = |error| InputError::Io { path: path.display().to_string(), error };
    let canonical = std::fs::canonicalize(path).map_err(io)?;
    let size = std::fs::metadata(&canonical).map_err(io)?.len();
    Ok(Input { id: canonical_source(&canonical), display: path.display().to_string(), origin: Origin::File(path.to_path_buf()), size })
}

/// The identity of a file: its absolute, symlink-resolved path.
pub fn canonical_source(canonical: &Path) -> String {
    canonical.to_string_lossy().into_owned()
}

/// The identity `key` would have as a path, if it names an existing file.
pub fn canonical_path(key: &str) -> Option<String> {
    let p = Path::new(key);
    p.is_file().then(|| std::fs::canonicalize(p).ok()).flatten().map(|c| canonical_source(&c))
}

/// Reads every document into memory (for `extract` and `demo`): a bad file named directly is an
/// error; inside a directory it is a warning and the file is skipped.
pub fn read_documents(paths: &[PathBuf]) -> Result<(Vec<Document>, Vec<String>)> {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    for entry in walk(paths)? {
        match entry {
            Entry::Stdin => docs.push(decode("-", read_stdin()?)?),
            Entry::Named(f) => docs.push(read_file(&f)?),
            Entry::InDirectory(f) => match read_file(&f) {
                Ok(d) => docs.push(d),
                Err(e) => warnings.push(format!("warning: skipped {e}")),
            },
        }
    }
    if docs.is_empty() {
        return Err(no_documents(paths));
    }
    Ok((docs, warnings))
}

fn read_file(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|error| InputError::Io { path: path.display().to_string(), error })?;
    decode(&path.display().to_string(), bytes)
}

fn decode(source: &str, bytes: Vec<u8>) -> Result<Document> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(InputError::NotUtf8 { file: source.to_string(), line, byte: e.utf8_error().valid_up_to() });
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InputError::Empty(source.to_string()));
    }
    Ok(Document { source: source.to_string(), text })
}

/// *.txt and *.md files under `dir`, sorted, recursively.
fn text_files(dir: &Path) -> Result<Vec<PathBuf>> {
    fn io(d: &Path) -> impl Fn(std::io::Error) -> InputError + '_ {
        move |error| InputError::Io { path: d.display().to_string(), error }
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(io(&d))?;
        for entry in entries {
            let p = entry.map_err(io(&d))?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt" || e == "md") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "  \n").unwrap();
        let err = read_documents(std::slice::from_ref(&empty)).unwrap_err().to_string();
        assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
        assert!(list_inputs(&[empty], None).unwrap_err().to_string().contains("empty.txt"));

        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, b"\xe5\xb8\x82\n\xff\xfe").unwrap();
        let err = read_documents(std::slice::from_ref(&bad)).unwrap_err().to_string();
        assert!(err.contains("bad.txt:2") && err.contains("UTF-8"), "{err}");
        assert!(list_inputs(&[bad], None).unwrap_err().to_string().contains("bad.txt:2"));

        let err = read_documents(&[dir.path().join("missing.txt")]).unwrap_err().to_string();
        assert!(err.contains("missing.txt"), "{err}");
    }

    #[test]
    fn directories_skip_bad_files_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "市长出席。").unwrap();
        std::fs::write(dir.path().join("b.txt"), "").unwrap();
        std::fs::write(dir.path().join("c.bin"), "x").unwrap();
        let (docs, warnings) = read_documents(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(warnings.len(), 1);
        let empty = tempfile::tempdir().unwrap();
        assert!(read_documents(&[empty.path().to_path_buf()]).is_err());
    }

    #[test]
    fn a_file_under_two_spellings_of_its_path_is_one_input() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let file = dir.path().join("sub/a.txt");
        std::fs::write(&file, "市长出席。").unwrap();
        let other = dir.path().join("sub/../sub/./a.txt");
        let inputs = list_inputs(&[file.clone(), other, dir.path().to_path_buf()], None).unwrap();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].id, std::fs::canonicalize(&file).unwrap().to_string_lossy());
        assert_eq!(canonical_path(file.to_str().unwrap()).as_deref(), Some(inputs[0].id.as_str()));
    }

    #[test]
    fn an_id_names_one_document() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "市长出席。").unwrap();
        std::fs::write(dir.path().join("b.txt"), "县长出席。").unwrap();
        let one = list_inputs(&[dir.path().join("a.txt")], Some("报纸/第1版")).unwrap();
        assert_eq!(one[0].id, "报纸/第1版");
        let err = list_inputs(&[dir.path().to_path_buf()], Some("x")).unwrap_err();
        assert!(matches!(err, InputError::IdForMany(2)), "{err}");
    }
}
