//! Reading the documents named on the command line: files, directories (recursively, *.txt and
//! *.md) or `-` for standard input. Every problem names the file it is about.

use anyhow::{bail, Result};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from: the path as given, or "-" for standard input.
    pub source: String,
    pub text: String,
}

/// Reads every document. A bad file named directly is an error; inside a directory it is a
/// warning (returned in the second vector) and the file is skipped.
pub fn read_documents(paths: &[PathBuf]) -> Result<(Vec<Document>, Vec<String>)> {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            docs.push(decode("-", buf)?);
        } else if path.is_dir() {
            let files = text_files(path)?;
            if files.is_empty() {
                bail!("{}: directory holds no .txt or .md files", path.display());
            }
            for f in files {
                match read_file(&f) {
                    Ok(d) => docs.push(d),
                    Err(e) => warnings.push(format!("warning: skipped {e}")),
                }
            }
        } else if path.exists() {
            docs.push(read_file(path)?);
        } else {
            bail!("{}: no such file or directory", path.display());
        }
    }
    if docs.is_empty() {
        bail!("no readable documents in {}", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    Ok((docs, warnings))
}

fn read_file(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    decode(&path.display().to_string(), bytes)
}

fn decode(source: &str, bytes: Vec<u8>) -> Result<Document> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            bail!("{source}:{line}: not valid UTF-8 text (byte {})", e.utf8_error().valid_up_to());
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        bail!("{source}: empty document");
    }
    Ok(Document { source: source.to_string(), text })
}

/// *.txt and *.md files under `dir`, sorted, recursively.
fn text_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| anyhow::anyhow!("{}: {e}", d.display()))?;
        for entry in entries {
            let p = entry?.path();
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
        let err = read_documents(&[empty.clone()]).unwrap_err().to_string();
        assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");

        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, b"\xe5\xb8\x82\n\xff\xfe").unwrap();
        let err = read_documents(&[bad]).unwrap_err().to_string();
        assert!(err.contains("bad.txt:2") && err.contains("UTF-8"), "{err}");

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
}
