//! Writing an import so that it happens whole or not at all: new texts under temporary names,
//! then linked to their names (never replacing a file); the catalog written beside the old one
//! and renamed over it; then the directory is validated again. On any failure, everything
//! written is removed and the old catalog put back.

use crate::catalog::{self, CATALOG_FILE};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Writes `texts` (new file names and their contents) and replaces the catalog, whose current
/// bytes must still be `old` (`None`: there is none), by `new`. Afterwards the directory must
/// validate; otherwise it is put back as it was and the problems are returned.
pub fn apply(
    dir: &Path,
    old: Option<&[u8]>,
    new: &[u8],
    texts: &[(String, &str)],
) -> Result<(), String> {
    let mut done = Written::default();
    let result = write_all(dir, old, new, texts, &mut done).and_then(|()| verify(dir));
    if let Err(why) = result {
        let undo = done.undo(dir, old);
        return Err(match undo {
            Ok(()) => format!("{why}\nNothing was changed: the new files were removed."),
            Err(e) => format!("{why}\nPutting the directory back failed too: {e}"),
        });
    }
    Ok(())
}

/// What has been written so far, to be undone on failure.
#[derive(Default)]
struct Written {
    temps: Vec<PathBuf>,
    texts: Vec<PathBuf>,
    catalog: bool,
}

impl Written {
    fn undo(&mut self, dir: &Path, old: Option<&[u8]>) -> Result<(), String> {
        let mut problems = Vec::new();
        for p in self.temps.iter().chain(&self.texts) {
            if let Err(e) = std::fs::remove_file(p)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                problems.push(format!("cannot remove {}: {e}", p.display()));
            }
        }
        if self.catalog {
            let path = dir.join(CATALOG_FILE);
            let restored = match old {
                Some(bytes) => replace(dir, CATALOG_FILE, bytes).map(|_| ()),
                None => std::fs::remove_file(&path).map_err(|e| e.to_string()),
            };
            if let Err(e) = restored {
                problems.push(format!("cannot restore {}: {e}", path.display()));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }
}

/// A name in `dir` for a temporary file: hidden, and not ending in `.txt`, so that a reader of
/// the seeds never takes it for an article.
fn temp_name(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.import-{}.tmp", std::process::id()))
}

/// Creates `path` (refusing an existing file) with `bytes`, flushed to disk.
fn create(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Writes `bytes` to a temporary file in `dir` and renames it to `name`, replacing it at once.
fn replace(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    let temp = temp_name(dir, name);
    create(&temp, bytes)?;
    std::fs::rename(&temp, dir.join(name)).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot replace {}: {e}", dir.join(name).display())
    })
}

/// Gives `temp` the name `path` unless a file already has it: a hard link fails on an existing
/// name, where a rename would replace it.
fn settle(temp: &Path, path: &Path) -> Result<(), String> {
    match std::fs::hard_link(temp, path) {
        Ok(()) => std::fs::remove_file(temp).map_err(|e| e.to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(format!(
            "{} already exists: an import never replaces a file",
            path.display()
        )),
        // A file system without hard links: check, then rename.
        Err(_) if path.exists() => Err(format!(
            "{} already exists: an import never replaces a file",
            path.display()
        )),
        Err(_) => std::fs::rename(temp, path).map_err(|e| e.to_string()),
    }
}

fn write_all(
    dir: &Path,
    old: Option<&[u8]>,
    new: &[u8],
    texts: &[(String, &str)],
    done: &mut Written,
) -> Result<(), String> {
    for (name, text) in texts {
        let temp = temp_name(dir, name);
        done.temps.push(temp.clone());
        create(&temp, text.as_bytes())?;
    }
    for ((name, _), temp) in texts.iter().zip(done.temps.clone()) {
        let path = dir.join(name);
        settle(&temp, &path)?;
        done.texts.push(path);
    }
    done.temps.clear();
    let path = dir.join(CATALOG_FILE);
    let now = match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    if now.as_deref() != old {
        return Err(format!(
            "{} changed while the import was being prepared: run it again",
            path.display()
        ));
    }
    replace(dir, CATALOG_FILE, new)?;
    done.catalog = true;
    Ok(())
}

/// Reads the directory back and validates it as the build does.
fn verify(dir: &Path) -> Result<(), String> {
    let label = dir.display().to_string();
    let errors = match catalog::load_dir(dir, &label) {
        Err(e) => vec![e],
        Ok(files) => match catalog::build(&files) {
            Ok(_) => return Ok(()),
            Err(errors) => errors,
        },
    };
    let mut msg = format!(
        "after writing, {} does not validate ({} problem(s)):",
        dir.display(),
        errors.len()
    );
    for e in errors.iter().take(20) {
        msg.push_str(&format!("\n  {e}"));
    }
    if errors.len() > 20 {
        msg.push_str(&format!("\n  … and {} more", errors.len() - 20));
    }
    Err(msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOG: &str = "[corpus]\ntitle_en = \"T\"\ntitle_ar = \"ت\"\n\n[[outlet]]\nid = \"o\"\nname_ar = \"و\"\nname_en = \"O\"\nlanguage = \"ar\"\n";
    const ENTRY: &str = "\n[[article]]\nid = \"a\"\nfile = \"001_a.txt\"\noutlet = \"o\"\npublished = \"2024-01-27\"\nprecision = \"day\"\ndate_note_en = \"Test.\"\nlines = { 1 = \"headline\" }\n";

    /// A seeds directory with an outlet and no article, removed on drop.
    struct Dir(PathBuf);

    impl Dir {
        fn new(tag: &str) -> Dir {
            let p = std::env::temp_dir()
                .join(format!("marsad-import-write-{tag}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&p);
            std::fs::create_dir_all(&p).unwrap();
            std::fs::write(p.join(CATALOG_FILE), CATALOG).unwrap();
            Dir(p)
        }

        fn names(&self) -> Vec<String> {
            let mut v: Vec<String> = std::fs::read_dir(&self.0)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_valid_import_is_written() {
        let d = Dir::new("ok");
        let new = format!("{CATALOG}{ENTRY}");
        let texts = [("001_a.txt".to_string(), "عنوان\nنص المقال.\n")];
        apply(&d.0, Some(CATALOG.as_bytes()), new.as_bytes(), &texts).unwrap();
        assert_eq!(d.names(), ["001_a.txt", "catalog.toml"]);
        assert_eq!(
            std::fs::read_to_string(d.0.join(CATALOG_FILE)).unwrap(),
            new
        );
    }

    #[test]
    fn an_existing_file_is_never_replaced_and_nothing_is_left_behind() {
        let d = Dir::new("exists");
        std::fs::write(d.0.join("002_b.txt"), "قديم").unwrap();
        let new = format!("{CATALOG}{ENTRY}");
        let texts = [
            ("001_a.txt".to_string(), "عنوان\nنص.\n"),
            ("002_b.txt".to_string(), "جديد"),
        ];
        let e = apply(&d.0, Some(CATALOG.as_bytes()), new.as_bytes(), &texts).unwrap_err();
        assert!(
            e.contains("002_b.txt already exists: an import never replaces a file"),
            "{e}"
        );
        assert!(e.contains("Nothing was changed"), "{e}");
        assert_eq!(d.names(), ["002_b.txt", "catalog.toml"]);
        assert_eq!(
            std::fs::read_to_string(d.0.join("002_b.txt")).unwrap(),
            "قديم"
        );
        assert_eq!(
            std::fs::read_to_string(d.0.join(CATALOG_FILE)).unwrap(),
            CATALOG
        );
    }

    #[test]
    fn a_result_that_does_not_validate_is_undone() {
        let d = Dir::new("invalid");
        let new = format!("{CATALOG}{}", ENTRY.replace("2024-01-27", "2024-02-30"));
        let texts = [("001_a.txt".to_string(), "عنوان\nنص.\n")];
        let e = apply(&d.0, Some(CATALOG.as_bytes()), new.as_bytes(), &texts).unwrap_err();
        assert!(e.contains("does not validate (1 problem(s))"), "{e}");
        assert!(e.contains("impossible date"), "{e}");
        assert_eq!(d.names(), ["catalog.toml"]);
        assert_eq!(
            std::fs::read_to_string(d.0.join(CATALOG_FILE)).unwrap(),
            CATALOG
        );
    }

    #[test]
    fn a_catalog_changed_meanwhile_is_not_replaced() {
        let d = Dir::new("changed");
        let new = format!("{CATALOG}{ENTRY}");
        let texts = [("001_a.txt".to_string(), "عنوان\nنص.\n")];
        let e = apply(&d.0, Some(b"something else"), new.as_bytes(), &texts).unwrap_err();
        assert!(
            e.contains("changed while the import was being prepared"),
            "{e}"
        );
        assert_eq!(d.names(), ["catalog.toml"]);
        assert_eq!(
            std::fs::read_to_string(d.0.join(CATALOG_FILE)).unwrap(),
            CATALOG
        );
    }
}
