//! The analyser's Web Worker in `dist/`: Trunk writes a worker's files under fixed names
//! (`analyser.js`, `analyser_bg.wasm`, `analyser_loader.js`), which a static host may serve
//! from a stale cache after an update. This renames them with a content hash, points the
//! loader at the new names, and returns the loader's name for the page to name in
//! `<meta name="marsad-analyser">`.

use crate::Result;
use crate::csp::content_hash;
use std::path::Path;

/// Renames the worker's files in `dist` (already renamed: returns the name found).
pub fn hash_names(dist: &Path) -> Result<String> {
    let (js, wasm) = (dist.join("analyser.js"), dist.join("analyser_bg.wasm"));
    if !js.exists() {
        return std::fs::read_dir(dist)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .find(|n| n.starts_with("analyser-") && n.ends_with("_loader.js"))
            .ok_or_else(|| "dist/ has no analyser: build first".into());
    }
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut all = read(&js)?;
    all.extend(read(&wasm)?);
    let stem = format!("analyser-{}", content_hash(&all));
    let rename = |from: &Path, to: String| {
        std::fs::rename(from, dist.join(to)).map_err(|e| format!("{}: {e}", from.display()))
    };
    rename(&js, format!("{stem}.js"))?;
    rename(&wasm, format!("{stem}_bg.wasm"))?;
    let loader = format!("{stem}_loader.js");
    std::fs::write(dist.join(&loader), loader_script(&stem)).map_err(|e| e.to_string())?;
    std::fs::remove_file(dist.join("analyser_loader.js")).map_err(|e| e.to_string())?;
    Ok(loader)
}

/// The worker's start-up script (as Trunk writes it, with the hashed names, and the wasm named
/// in the object form the glue expects).
pub fn loader_script(stem: &str) -> String {
    format!(
        "importScripts(\"./{stem}.js\");wasm_bindgen({{ module_or_path: \"./{stem}_bg.wasm\" }});"
    )
}

/// The page with the analyser's loader named in its head.
pub fn announce(html: &str, loader: &str) -> String {
    html.replacen(
        "</head>",
        &format!("<meta name=\"marsad-analyser\" content=\"{loader}\">\n  </head>"),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects cache safety: the names carry a hash of the worker's code, the loader points at
    /// them, a second run finds the same loader, and the page names it.
    #[test]
    fn worker_files_are_renamed_by_content() {
        let dir = std::env::temp_dir().join(format!("marsad-analyser-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("analyser.js"), "glue").unwrap();
        std::fs::write(dir.join("analyser_bg.wasm"), "wasm").unwrap();
        std::fs::write(dir.join("analyser_loader.js"), "old").unwrap();
        let loader = hash_names(&dir).unwrap();
        let stem = loader.strip_suffix("_loader.js").unwrap();
        assert!(stem.starts_with("analyser-") && stem.len() == "analyser-".len() + 16);
        assert_eq!(
            std::fs::read_to_string(dir.join(&loader)).unwrap(),
            loader_script(stem)
        );
        assert!(dir.join(format!("{stem}.js")).exists());
        assert!(dir.join(format!("{stem}_bg.wasm")).exists());
        assert!(!dir.join("analyser.js").exists() && !dir.join("analyser_loader.js").exists());
        assert_eq!(hash_names(&dir).unwrap(), loader);
        let page = announce("<head>\n  </head>", &loader);
        assert!(page.contains(&format!(
            "<meta name=\"marsad-analyser\" content=\"{loader}\">"
        )));
        std::fs::write(dir.join("analyser.js"), "other glue").unwrap();
        std::fs::write(dir.join("analyser_bg.wasm"), "wasm").unwrap();
        std::fs::write(dir.join("analyser_loader.js"), "old").unwrap();
        assert_ne!(hash_names(&dir).unwrap(), loader, "new code, new names");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
