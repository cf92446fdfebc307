//! The page's release wasm, split at its lazily loaded views (`src/split.rs`): the library's code
//! is one module, and the reader, compare, timeline and import views are each fetched the first
//! time they are shown. Trunk builds the page as one module (kept for the standalone file, which
//! cannot fetch); this builds it again with `--cfg marsad_split`, splits it (`crates/split`), runs
//! wasm-bindgen and wasm-opt on every module, and puts them in `dist/code-<hash>/` (the hash of
//! all of them, so that a changed module is never served from a stale cache), then points the
//! page at that directory.

use crate::csp::{content_hash, hash_source};
use crate::{Result, root, run, tools::Tools};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The wasm-opt settings of `index.html`'s `data-wasm-opt` and `data-wasm-opt-params`.
const WASM_OPT: [&str; 7] = [
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// Where the one-module build's glue and wasm are kept for the standalone file.
pub fn unsplit_dir() -> PathBuf {
    root().join("target/unsplit")
}

/// Builds the split page and points `dist/index.html` at it; returns the directory's name.
pub fn build(tools: &Tools) -> Result<String> {
    let root = root();
    let dist = root.join("dist");
    let target = root.join("target/split");
    // The same flags as `.cargo/config.toml` gives wasm builds (RUSTFLAGS replaces them), the
    // split cfg, and the relocations the splitter reads. A target directory of its own, so that
    // this build and Trunk's do not rebuild each other's dependencies.
    run(Command::new("cargo")
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args(["-p", "marsad", "--bin", "marsad"])
        .env(
            "RUSTFLAGS",
            "--cfg erase_components --cfg marsad_split -Clink-args=--emit-relocs",
        )
        .env("CARGO_TARGET_DIR", &target))?;
    let out = target.join("out");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    run(Command::new("cargo")
        .args(["run", "--release", "--quiet", "-p", "marsad-split", "--"])
        .arg(target.join("wasm32-unknown-unknown/release/marsad.wasm"))
        .arg(&out))?;
    let main = out.join("marsad_split.wasm");
    run(tools
        .cmd("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-demangle",
            "--no-typescript",
        ])
        .args(["--out-name", "marsad", "--out-dir"])
        .arg(&out)
        .arg(&main))?;
    std::fs::remove_file(&main).map_err(|e| e.to_string())?;
    // Short names for the main module's imports from the glue, in both files: wasm-bindgen's
    // hashed names cost about 8 KB of the first load, gzipped (`crates/split/src/imports.rs`).
    run(Command::new("cargo")
        .args(["run", "--release", "--quiet", "-p", "marsad-split", "--"])
        .arg("--shorten-imports")
        .arg(out.join("marsad_bg.wasm"))
        .arg(out.join("marsad.js")))?;
    let files = listing(&out)?;
    for wasm in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
    {
        run(tools
            .cmd("wasm-opt")
            .args(WASM_OPT)
            .arg(wasm)
            .arg("-o")
            .arg(wasm))?;
    }
    // The JavaScript glue, minified (esbuild keeps every export and import name): the first
    // load's JavaScript is about a quarter smaller gzipped. The glue names the loader module once
    // per import (`import1` … `importN`, all the same module) under the same key of its imports
    // object; esbuild's warning about those repeated keys is silenced, as they are harmless.
    for js in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
    {
        run(tools
            .cmd("esbuild")
            .arg(js)
            .args(["--minify", "--log-level=warning", "--allow-overwrite"])
            .arg("--log-override:duplicate-object-key=silent")
            .arg(format!("--outfile={}", js.display())))?;
    }

    // One name for all the modules: the hash of every file.
    let mut all = Vec::new();
    for p in &files {
        all.extend(p.file_name().unwrap_or_default().as_encoded_bytes());
        all.extend(std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?);
    }
    let name = format!("code-{}", content_hash(&all));
    for e in std::fs::read_dir(&dist).map_err(|e| e.to_string())? {
        let p = e.map_err(|e| e.to_string())?.path();
        if p.is_dir()
            && p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("code-"))
        {
            std::fs::remove_dir_all(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        }
    }
    let dir = dist.join(&name);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for p in &files {
        let to = dir.join(p.file_name().unwrap_or_default());
        std::fs::copy(p, &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }

    // Trunk's one-module files leave dist/ for the standalone file; the page names the split ones.
    let unsplit = unsplit_dir();
    if unsplit.exists() {
        std::fs::remove_dir_all(&unsplit).map_err(|e| e.to_string())?;
    }
    std::fs::create_dir_all(&unsplit).map_err(|e| e.to_string())?;
    let stem = trunk_stem(&dist)?;
    for f in [format!("{stem}.js"), format!("{stem}_bg.wasm")] {
        std::fs::rename(dist.join(&f), unsplit.join(&f)).map_err(|e| format!("dist/{f}: {e}"))?;
    }
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let js = std::fs::read_to_string(dir.join("marsad.js")).map_err(|e| e.to_string())?;
    let wasm = std::fs::read(dir.join("marsad_bg.wasm")).map_err(|e| e.to_string())?;
    // The modules' loader, which marsad.js imports: preloaded too, so that it is not fetched only
    // once marsad.js has arrived and been parsed (one round trip less before the first view).
    let loader = files
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .find(|n| n.ends_with(".js") && n != "marsad.js")
        .ok_or("the split build wrote no module loader")?;
    let loader_js = std::fs::read_to_string(dir.join(&loader)).map_err(|e| e.to_string())?;
    let html = point_at(
        &html,
        &stem,
        &name,
        &hash_source(&js),
        &hash_source(&wasm),
        (&loader, &hash_source(&loader_js)),
    )?;
    std::fs::write(&index, html).map_err(|e| e.to_string())?;
    Ok(name)
}

/// The files directly in `dir`, by name.
fn listing(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    v.sort();
    Ok(v)
}

/// The stem (`marsad-<hash>`) of the glue Trunk wrote in `dist`.
fn trunk_stem(dist: &Path) -> Result<String> {
    std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .find_map(|n| {
            n.strip_suffix("_bg.wasm")
                .filter(|s| s.starts_with("marsad-"))
                .map(str::to_string)
        })
        .ok_or_else(|| "dist/ has no marsad-*_bg.wasm: Trunk's build did not run".into())
}

/// `html` (Trunk's page) with its start-up script and preloads pointing at the split modules
/// in `dir` instead of Trunk's `stem` files, and a module preload for `loader` (its file name
/// and integrity), which the glue imports.
pub fn point_at(
    html: &str,
    stem: &str,
    dir: &str,
    js_sri: &str,
    wasm_sri: &str,
    loader: (&str, &str),
) -> Result<String> {
    let (js, wasm) = (format!("./{stem}.js"), format!("./{stem}_bg.wasm"));
    if !html.contains(&js) || !html.contains(&wasm) {
        return Err(format!("dist/index.html does not load {js} and {wasm}"));
    }
    // Trunk's preload links carry the integrity of its own files: written again for ours.
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(s) = rest.find("<link rel=\"") {
        let e = rest[s..]
            .find('>')
            .map(|e| s + e + 1)
            .ok_or("an unclosed <link")?;
        out.push_str(&rest[..s]);
        let tag = &rest[s..e];
        if tag.contains(&format!("href=\"{js}\"")) {
            out.push_str(&format!(
                "<link rel=\"modulepreload\" href=\"./{dir}/marsad.js\" crossorigin=\"anonymous\" integrity=\"{js_sri}\">"
            ));
            let (name, sri) = loader;
            out.push_str(&format!(
                "<link rel=\"modulepreload\" href=\"./{dir}/{name}\" crossorigin=\"anonymous\" integrity=\"{sri}\">"
            ));
        } else if tag.contains(&format!("href=\"{wasm}\"")) {
            out.push_str(&format!(
                "<link rel=\"preload\" href=\"./{dir}/marsad_bg.wasm\" crossorigin=\"anonymous\" integrity=\"{wasm_sri}\" as=\"fetch\" type=\"application/wasm\">"
            ));
        } else {
            out.push_str(tag);
        }
        rest = &rest[e..];
    }
    out.push_str(rest);
    Ok(out
        .replace(&js, &format!("./{dir}/marsad.js"))
        .replace(&wasm, &format!("./{dir}/marsad_bg.wasm")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects the page's start-up: after the split, the script, the module preloads (the glue
    /// and the modules' loader it imports) and the wasm preload all name the split directory,
    /// with integrity for the new files, and nothing still names Trunk's one-module files.
    #[test]
    fn the_page_is_pointed_at_the_split_modules() {
        let html = "<head><script type=\"module\">\nimport init, * as bindings from './marsad-abc.js';\nconst wasm = await init({ module_or_path: './marsad-abc_bg.wasm' });\n</script>\n<link rel=\"stylesheet\" href=\"./style-1.css\" integrity=\"sha384-s\"/>\n<link rel=\"modulepreload\" href=\"./marsad-abc.js\" crossorigin=\"anonymous\" integrity=\"sha384-old\"><link rel=\"preload\" href=\"./marsad-abc_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-old2\" as=\"fetch\" type=\"application/wasm\"></head>";
        let loader = ("__wasm_split.x.js", "sha256-L");
        let out = point_at(
            html,
            "marsad-abc",
            "code-12",
            "sha256-J",
            "sha256-W",
            loader,
        )
        .unwrap();
        assert!(!out.contains("marsad-abc"), "{out}");
        assert!(!out.contains("sha384-old"), "{out}");
        assert!(out.contains("from './code-12/marsad.js'"));
        assert!(out.contains("module_or_path: './code-12/marsad_bg.wasm'"));
        assert!(out.contains("<link rel=\"modulepreload\" href=\"./code-12/marsad.js\" crossorigin=\"anonymous\" integrity=\"sha256-J\">"));
        assert!(out.contains(
            "href=\"./code-12/marsad_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha256-W\""
        ));
        assert!(
            out.contains(
                "<link rel=\"stylesheet\" href=\"./style-1.css\" integrity=\"sha384-s\"/>"
            )
        );
        assert!(out.contains("<link rel=\"modulepreload\" href=\"./code-12/__wasm_split.x.js\" crossorigin=\"anonymous\" integrity=\"sha256-L\">"));
        assert!(point_at(html, "marsad-zzz", "code-12", "a", "b", loader).is_err());
    }
}
