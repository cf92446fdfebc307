//! Protects the architecture: the core's layers import only downwards
//! (model → text → analysis → bundle → view), no two modules import each other (directly or through a
//! cycle), the runtime core reads no TOML, and only the UI's `state` module touches the router.
//!
//! The check reads the sources: every `crate::…` and `super::…` path is resolved to the module
//! file it names, and each edge is checked against the layer order.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: [&str; 5] = ["model", "text", "analysis", "bundle", "view"];

fn src_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src is readable") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file: `src/analysis/filter.rs` → `["analysis", "filter"]`,
/// `src/text/mod.rs` → `["text"]`, `src/lib.rs` → `[]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("inside src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// Source without comments (so that doc links do not count as imports).
fn code_only(src: &str) -> String {
    src.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The code with every `#[cfg(test)]` item (up to its matching closing brace) left out.
fn without_test_modules(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(i) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let Some(open) = after.find('{') else {
            return out;
        };
        let mut depth = 0usize;
        let mut end = after.len();
        for (k, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Every path a file names, as module segments from the crate root: `crate::a::b::C` gives
/// `[a, b, C]`; `super::x` is resolved against the file's own module.
fn referenced_paths(module: &[String], is_mod_file: bool, code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            from = at + start.len();
            // Only whole words (`mycrate::` is not `crate::`).
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let mut base: Vec<String> = if start == "crate::" {
                Vec::new()
            } else {
                // `super` of a `mod.rs` file is its parent directory's module; of `x.rs`, the
                // module containing `x`.
                let mut m = module.to_vec();
                if !is_mod_file || !m.is_empty() {
                    m.pop();
                }
                m
            };
            let mut rest = &code[at + start.len()..];
            // Further `super::` segments.
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            base.extend(
                path.split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
            out.push(base);
        }
    }
    out
}

/// The longest prefix of `path` that is a module of the crate.
fn resolve(path: &[String], modules: &BTreeSet<Vec<String>>) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
        .unwrap_or_default()
}

fn layer(module: &[String]) -> Option<usize> {
    module
        .first()
        .and_then(|top| LAYERS.iter().position(|l| l == top))
}

struct Graph {
    /// module → modules it names (resolved), with the file that names them.
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
}

fn graph() -> Graph {
    graph_of(&src_dir())
}

/// The import graph of the crate whose sources are in `src`.
fn graph_of(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(src, f)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for f in &files {
        let m = module_of(src, f);
        let is_mod = f
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs");
        let code = code_only(&std::fs::read_to_string(f).expect("readable"));
        // Unit tests inside a file may use anything; only the module's own code counts.
        let code = without_test_modules(&code);
        for p in referenced_paths(&m, is_mod, &code) {
            let target = resolve(&p, &modules);
            if target != m && !target.is_empty() {
                edges.entry(m.clone()).or_default().insert(target);
            }
        }
    }
    Graph { edges }
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

#[test]
fn layers_import_only_downwards() {
    let g = graph();
    let mut back_edges = Vec::new();
    for (from, tos) in &g.edges {
        let Some(lf) = layer(from) else { continue };
        for to in tos {
            if let Some(lt) = layer(to)
                && lt > lf
            {
                back_edges.push(format!("{} → {}", name(from), name(to)));
            }
        }
    }
    assert!(
        back_edges.is_empty(),
        "imports against the layer order model → text → analysis → bundle → view:\n{}",
        back_edges.join("\n")
    );
}

#[test]
fn no_module_import_cycles() {
    let cycles = cycles_in(&graph());
    assert!(
        cycles.is_empty(),
        "modules that import each other:\n{}",
        cycles.join("\n")
    );
}

/// The other crates hold to the same rule: the UI, the build step and the automation.
#[test]
fn no_module_import_cycles_in_the_ui_the_build_step_or_xtask() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for src in ["../../src", "../ingest/src", "../../xtask/src"] {
        let src = root.join(src);
        let cycles = cycles_in(&graph_of(&src));
        assert!(
            cycles.is_empty(),
            "modules of {} that import each other:\n{}",
            src.display(),
            cycles.join("\n")
        );
    }
}

/// Every import cycle of `g`, as the modules around it.
fn cycles_in(g: &Graph) -> Vec<String> {
    // A module's parent `mod.rs` re-exporting it is not a use of it; leave parent → child
    // edges out, then look for cycles with a depth-first search.
    let child = |p: &Vec<String>, c: &Vec<String>| c.len() > p.len() && c.starts_with(p);
    let mut state: BTreeMap<&Vec<String>, u8> = BTreeMap::new();
    let mut cycles = Vec::new();
    fn visit<'a>(
        m: &'a Vec<String>,
        g: &'a Graph,
        child: &dyn Fn(&Vec<String>, &Vec<String>) -> bool,
        state: &mut BTreeMap<&'a Vec<String>, u8>,
        stack: &mut Vec<&'a Vec<String>>,
        cycles: &mut Vec<String>,
    ) {
        match state.get(m) {
            Some(2) => return,
            Some(1) => {
                let i = stack.iter().position(|s| *s == m).unwrap_or(0);
                let names: Vec<String> = stack[i..].iter().map(|s| name(s)).collect();
                cycles.push(format!("{} → {}", names.join(" → "), name(m)));
                return;
            }
            _ => {}
        }
        state.insert(m, 1);
        stack.push(m);
        if let Some(tos) = g.edges.get(m) {
            for t in tos.iter().filter(|t| !child(m, t)) {
                visit(t, g, child, state, stack, cycles);
            }
        }
        stack.pop();
        state.insert(m, 2);
    }
    for m in g.edges.keys() {
        visit(m, g, &child, &mut state, &mut Vec::new(), &mut cycles);
    }
    cycles
}

#[test]
fn the_runtime_core_reads_no_toml() {
    let manifest =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("Cargo.toml");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|s| s.split("\n[").next())
        .unwrap_or("");
    for banned in ["toml", "leptos", "web-sys", "js-sys", "wasm-bindgen"] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(banned)),
            "marsad-core must not depend on {banned}"
        );
    }
}

#[test]
fn only_the_state_module_of_the_ui_touches_the_router() {
    let ui = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut offenders = Vec::new();
    for f in files {
        let file = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        // The shell mounts the router; `state` reads and writes the URL.
        if file == "state.rs" || file == "app.rs" {
            continue;
        }
        let code = code_only(&std::fs::read_to_string(&f).expect("readable"));
        for needle in ["leptos_router", ".location()", ".history()"] {
            if code.contains(needle) {
                offenders.push(format!("{file}: {needle}"));
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

/// The checker itself: a back edge and a cycle in a made-up module tree are found.
#[test]
fn the_checker_finds_back_edges() {
    let modules: BTreeSet<Vec<String>> = [
        vec![],
        vec!["model".to_string()],
        vec!["model".to_string(), "date".to_string()],
        vec!["view".to_string()],
        vec!["view".to_string(), "url".to_string()],
    ]
    .into_iter()
    .collect();
    let code = "use crate::view::url::Notice; fn f() { super::x(); }";
    let m = vec!["model".to_string(), "date".to_string()];
    let targets: Vec<Vec<String>> = referenced_paths(&m, false, code)
        .iter()
        .map(|p| resolve(p, &modules))
        .collect();
    assert_eq!(
        targets,
        vec![
            vec!["view".to_string(), "url".to_string()],
            vec!["model".to_string()]
        ]
    );
    assert!(layer(&targets[0]) > layer(&m));
    let code =
        "fn a() {}\n#[cfg(test)]\nmod tests { fn t() { crate::view::x(); } }\nuse crate::view::y;";
    assert_eq!(
        without_test_modules(code),
        "fn a() {}\n\nuse crate::view::y;"
    );
}
