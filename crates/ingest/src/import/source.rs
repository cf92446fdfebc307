//! Reading the input to import from disk: a folder of `.txt` files, or a CSV or JSON Lines file
//! read by the core's [`marsad_core::bundle::import::rows`] (the same reader as the page's).

use super::Input;
use marsad_core::bundle::import::rows;
use std::path::Path;

/// Reads `path`: a folder of `.txt` files, or a CSV or JSON Lines file. A file that cannot be
/// read at all, or lacks a required column, is refused with a message.
pub fn read(path: &Path) -> Result<Input, String> {
    if path.is_dir() {
        return super::folder::read(path);
    }
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    rows::read(&name, &bytes)
}
