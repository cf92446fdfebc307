//! `cargo xtask standalone`: one self-contained HTML file that works when opened from disk.
//!
//! Browsers refuse to fetch `.wasm` files and ES modules from `file://` URLs, so the normal
//! `dist/` only works over HTTP. This inlines everything into `standalone/marsad.html`: the
//! stylesheet (with fonts as data URLs), the wasm-bindgen glue as an inline module, and the wasm
//! binary as base64, instantiated with the glue's `initSync`; the data bundle as base64 in a
//! non-executable `<script type="application/octet-stream" id="marsad-bundle">`, which the app
//! reads instead of fetching; the analyser's worker (its glue and wasm) in two more
//! non-executable elements, which the app starts from a `blob:` address when someone imports.
//! The file carries its own Content-Security-Policy: no network, its inline script and
//! stylesheet allowed by hash, workers only from `blob:` (see [`csp::standalone_policy`]).

use crate::csp::{self, base64};
use crate::{Result, root};
use std::path::Path;

pub fn bundle() -> Result {
    let dist = root().join("dist");
    let html = read(&dist.join("index.html"))?;
    let find = |prefix: &str, suffix: &str| -> Result<String> {
        std::fs::read_dir(&dist)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .find(|n| n.starts_with(prefix) && n.ends_with(suffix))
            .ok_or_else(|| format!("dist/ has no {prefix}*{suffix}: build first"))
    };
    // The page as one module (Trunk's build, kept aside when dist/ got the split one): a file
    // opened from disk cannot fetch modules.
    let unsplit = crate::split::unsplit_dir();
    let find_unsplit = |suffix: &str| -> Result<String> {
        std::fs::read_dir(&unsplit)
            .map_err(|e| format!("{}: {e} (build first)", unsplit.display()))?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .find(|n| n.starts_with("marsad-") && n.ends_with(suffix))
            .ok_or_else(|| format!("{} has no marsad-*{suffix}: build first", unsplit.display()))
    };
    let js_name = find_unsplit(".js")?;
    // The analyser's worker: its glue and wasm, inline, started from a `blob:` address.
    let analyser = crate::analyser::hash_names(&dist)?;
    let analyser = analyser.trim_end_matches("_loader.js");
    let analyser_js = read(&dist.join(format!("{analyser}.js")))?;
    if analyser_js.contains("</script") {
        return Err("the analyser's glue contains </script and cannot be inlined".into());
    }
    let analyser_wasm = std::fs::read(dist.join(format!("{analyser}_bg.wasm")))
        .map_err(|e| format!("{analyser}_bg.wasm: {e}"))?;
    let wasm_name = find_unsplit("_bg.wasm")?;
    let css_name = find("style-", ".css")?;

    let js = read(&unsplit.join(&js_name))?;
    if js.contains("</script") {
        return Err("the JS glue contains </script and cannot be inlined".into());
    }
    let wasm = std::fs::read(unsplit.join(&wasm_name)).map_err(|e| e.to_string())?;
    // The page's one stylesheet: screen and print rules (see `styles.rs`).
    let mut css = read(&dist.join(&css_name))?;
    // Both faces: the regular one the stylesheet declares, and the bold one the app adds once the
    // first view is drawn (it reads its address from the stylesheet).
    for font in [
        "NotoNaskhArabic-Regular.woff2",
        "NotoNaskhArabic-Bold.woff2",
    ] {
        let path = format!("fonts/{font}");
        if !css.contains(&path) {
            return Err(format!("the stylesheet does not name {path}"));
        }
        let bytes = std::fs::read(dist.join(&path)).map_err(|e| format!("{path}: {e}"))?;
        css = css.replace(&path, &format!("data:font/woff2;base64,{}", base64(&bytes)));
    }
    let favicon = std::fs::read(dist.join("favicon.svg")).map_err(|e| e.to_string())?;
    let data = std::fs::read(root().join("target/data.packed"))
        .map_err(|e| format!("target/data.packed: {e} (build first)"))?;

    // Keep the page's <head> metadata and <body>; drop what pointed at separate files.
    let head_end = html.find("</head>").ok_or("index.html has no </head>")?;
    let mut head = String::new();
    for line in html[..head_end].lines() {
        let l = line.trim_start();
        let external = l.starts_with("<meta name=\"marsad-data\"")
            || l.starts_with("<meta http-equiv=\"Content-Security-Policy\"")
            || l.starts_with("<meta name=\"marsad-analyser\"")
            || l.starts_with("<link rel=\"stylesheet\"")
            || l.starts_with("<link rel=\"modulepreload\"")
            || l.starts_with("<link rel=\"preload\"")
            || l.starts_with("<link rel=\"icon\"");
        if !external {
            head.push_str(line);
            head.push('\n');
        }
    }
    // Trunk's loader script fetches the wasm; remove it (it spans from <script type="module"> to </script>).
    if let (Some(s), Some(e)) = (
        head.find("<script type=\"module\">"),
        head.find("</script>"),
    ) {
        head.replace_range(s..e + "</script>".len(), "");
    }
    // Trunk's extra preload links may share a line with other tags.
    let head = strip_tags(&head, "<link rel=\"modulepreload\"");
    let head = strip_tags(&head, "<link rel=\"preload\"");

    let body_at = html[head_end..]
        .find("<body>")
        .map(|i| head_end + i + "<body>".len())
        .ok_or("index.html has no <body>")?;
    // The inline script and stylesheet, named by hash in the file's own policy.
    let css = format!("\n{css}\n    ");
    let script = format!(
        "\n{js}\nconst wasmBytes = Uint8Array.from(atob(\"{wasm}\"), (c) => c.charCodeAt(0));\ninitSync({{ module: wasmBytes }});\n    ",
        wasm = base64(&wasm),
    );
    let policy = csp::standalone_policy(&[csp::hash_source(&script)], &[csp::hash_source(&css)]);
    let head = csp::insert_first_in_head(&head, &csp::meta(&policy))?;
    let out = format!(
        "{head}    <link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\" />\n    <style>{css}</style>\n    <script type=\"module\">{script}</script>\n{between}\n    <script type=\"application/octet-stream\" id=\"marsad-bundle\">{data}</script>\n    <script type=\"text/plain\" id=\"marsad-analyser-js\">{analyser_js}</script>\n    <script type=\"application/octet-stream\" id=\"marsad-analyser-wasm\">{analyser_wasm}</script>{rest}",
        icon = base64(&favicon),
        between = &html[head_end..body_at],
        data = base64(&data),
        analyser_wasm = base64(&analyser_wasm),
        rest = &html[body_at..],
    );
    let dir = root().join("standalone");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("marsad.html");
    std::fs::write(&path, out).map_err(|e| e.to_string())?;
    let size = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
    println!(
        "Wrote {} ({size} bytes): open it directly in a browser, no server needed.",
        path.display()
    );
    Ok(())
}

fn read(p: &Path) -> Result<String> {
    std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

/// Removes every `<tag …>` starting with `start` (up to and including its `>`).
fn strip_tags(s: &str, start: &str) -> String {
    let mut out = s.to_string();
    while let Some(i) = out.find(start) {
        let end = out[i..].find('>').map_or(out.len(), |e| i + e + 1);
        out.replace_range(i..end, "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_tags_removes_every_matching_tag() {
        let s = "<a><link rel=\"preload\" href=\"x\"><b><link rel=\"preload\" x>";
        assert_eq!(strip_tags(s, "<link rel=\"preload\""), "<a><b>");
    }
}
