//! Short names for the main module's imports from its JavaScript glue.
//!
//! wasm-bindgen names every function the wasm imports from the glue after the Rust item and a
//! hash (`__wbg_body_5f971cbc6950ca4f`), and writes each name twice: in the wasm's import
//! section and as a key of the glue's imports object. A page imports a few hundred of them, and
//! the hashes do not compress: about 8 KB of the first load, gzipped. Renaming them `a`, `b`, …
//! in both files changes nothing else: an import is matched to its function by that key only.
//!
//! The glue must name each import exactly once, as an object key (`name: function…`); anything
//! else (a name used twice, or missing) is an error, so that a different wasm-bindgen output
//! fails the build rather than giving a page whose imports do not resolve.

use std::collections::HashMap;
use wasm_encoder::{Encode, RawSection};
use wasmparser::{BinaryReader, Parser, Payload, TypeRef};

/// The module name under which wasm-bindgen's glue provides the main module's imports.
pub const GLUE: &str = "./marsad_bg.js";

/// `wasm` and `js` with every import from [`GLUE`] renamed to a short name, in both.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), String> {
    let mut module = wasm_encoder::Module::new();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("the wasm: {e}"))?;
        if let Payload::Version { .. } = payload {
            continue;
        }
        let Some((id, range)) = payload.as_section() else {
            continue;
        };
        let contents = &wasm[range.start as usize..range.end as usize];
        if let Payload::ImportSection(_) = payload {
            let (data, names) = rename_imports(contents, range.start)?;
            renamed = names;
            module.section(&RawSection { id, data: &data });
        } else {
            module.section(&RawSection { id, data: contents });
        }
    }
    let js = rename_keys(js, &renamed)?;
    Ok((module.finish(), js))
}

/// The import section `contents` with [`GLUE`]'s imports renamed, and the new name of each.
fn rename_imports(
    contents: &[u8],
    offset: u64,
) -> Result<(Vec<u8>, HashMap<String, String>), String> {
    let err = |e: wasmparser::BinaryReaderError| format!("the wasm's imports: {e}");
    let mut r = BinaryReader::new(contents, offset);
    let count = r.read_var_u32().map_err(err)?;
    let mut out = Vec::with_capacity(contents.len());
    count.encode(&mut out);
    let mut names = HashMap::new();
    for _ in 0..count {
        let module = r.read_string().map_err(err)?;
        let name = r.read_string().map_err(err)?;
        if name.is_empty() {
            // The compact encoding of grouped imports, which wasm-bindgen does not write.
            return Err("the wasm's imports use an encoding this build step does not know".into());
        }
        let start = r.current_position();
        r.read::<TypeRef>().map_err(err)?;
        let ty = &contents[start..r.current_position()];
        module.encode(&mut out);
        if module == GLUE {
            let short = short_name(names.len());
            short.as_str().encode(&mut out);
            if names.insert(name.to_string(), short).is_some() {
                return Err(format!("the wasm imports {name} twice"));
            }
        } else {
            name.encode(&mut out);
        }
        out.extend_from_slice(ty);
    }
    if !r.eof() {
        return Err("the wasm's import section has bytes after its imports".into());
    }
    Ok((out, names))
}

/// The `n`th short name: `a` … `z`, `A` … `Z`, then two letters and more.
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = Vec::new();
    loop {
        s.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// `js` with each old name of `renamed`, which must be an object key (`name:`) found exactly
/// once as a whole identifier, replaced by its new name.
fn rename_keys(js: &str, renamed: &HashMap<String, String>) -> Result<String, String> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut edits: Vec<(usize, &str, &str)> = Vec::with_capacity(renamed.len());
    for (old, new) in renamed {
        let mut found = js.match_indices(old.as_str()).filter(|&(at, _)| {
            let before = js[..at].chars().next_back();
            let after = js[at + old.len()..].chars().next();
            !before.is_some_and(ident) && !after.is_some_and(ident)
        });
        let (Some((at, _)), None) = (found.next(), found.next()) else {
            return Err(format!(
                "the glue does not name the import {old} exactly once; was it written by another wasm-bindgen?"
            ));
        };
        if !js[at + old.len()..].starts_with(':') {
            return Err(format!(
                "the glue names the import {old} other than as a key"
            ));
        }
        edits.push((at, old, new));
    }
    edits.sort_unstable_by_key(|&(at, _, _)| at);
    let mut out = String::with_capacity(js.len());
    let mut from = 0;
    for (at, old, new) in edits {
        out.push_str(&js[from..at]);
        out.push_str(new);
        from = at + old.len();
    }
    out.push_str(&js[from..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection,
        ImportSection, Instruction, MemoryType, Module, TypeSection,
    };

    /// A module importing two functions from the glue and a memory from elsewhere, calling both
    /// from an exported function.
    fn module(names: [&str; 2]) -> Vec<u8> {
        let mut m = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        m.section(&types);
        let mut imports = ImportSection::new();
        imports.import(GLUE, names[0], EntityType::Function(0));
        let memory = MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        };
        imports.import("env", "memory", EntityType::Memory(memory));
        imports.import(GLUE, names[1], EntityType::Function(0));
        m.section(&imports);
        let mut funcs = FunctionSection::new();
        funcs.function(0);
        m.section(&funcs);
        let mut exports = ExportSection::new();
        exports.export("main", ExportKind::Func, 2);
        m.section(&exports);
        let mut code = CodeSection::new();
        let mut f = Function::new([]);
        f.instruction(&Instruction::Call(0))
            .instruction(&Instruction::Call(1))
            .instruction(&Instruction::End);
        code.function(&f);
        m.section(&code);
        m.finish()
    }

    fn imports(wasm: &[u8]) -> Vec<(String, String)> {
        let mut v = Vec::new();
        for p in Parser::new(0).parse_all(wasm) {
            if let Payload::ImportSection(s) = p.unwrap() {
                for i in s.into_imports() {
                    let i = i.unwrap();
                    v.push((i.module.to_string(), i.name.to_string()));
                }
            }
        }
        v
    }

    const GLUE_JS: &str = "const import0 = {\n  __wbg_body_5f97: function(arg0) { return arg0.body; },\n  __wbg_log_09ab: function(a) { console.log(a, '__wbg_body_5f97x'); },\n};\nwasm.main();";

    /// Protects the page's start-up after the renaming: the glue's imports are renamed in both
    /// files alike, other imports and everything else are kept, and the module stays valid.
    #[test]
    fn glue_imports_get_the_same_short_names_in_both_files() {
        let wasm = module(["__wbg_body_5f97", "__wbg_log_09ab"]);
        let (out, js) = shorten(&wasm, GLUE_JS).unwrap();
        wasmparser::validate(&out).unwrap();
        assert_eq!(
            imports(&out),
            [(GLUE, "a"), ("env", "memory"), (GLUE, "b")]
                .map(|(m, n)| (m.to_string(), n.to_string()))
        );
        assert!(js.contains("\n  a: function(arg0)"), "{js}");
        assert!(js.contains("\n  b: function(a)"), "{js}");
        // A longer identifier and a string that merely contain a name are left alone.
        assert!(js.contains("'__wbg_body_5f97x'"), "{js}");
        assert!(out.len() < wasm.len());
    }

    /// Protects against a page whose imports do not resolve: a glue that does not name an
    /// import exactly once, as a key, fails the build with the import's name.
    #[test]
    fn a_glue_that_does_not_match_is_refused() {
        let wasm = module(["__wbg_body_5f97", "__wbg_gone_1234"]);
        let e = shorten(&wasm, GLUE_JS).unwrap_err();
        assert!(e.contains("__wbg_gone_1234"), "{e}");
        let twice = format!("{GLUE_JS}\nwasm.__wbg_log_09ab;");
        let wasm = module(["__wbg_body_5f97", "__wbg_log_09ab"]);
        assert!(
            shorten(&wasm, &twice)
                .unwrap_err()
                .contains("__wbg_log_09ab")
        );
        let not_key = GLUE_JS.replace("__wbg_log_09ab:", "x: __wbg_log_09ab,");
        assert!(
            shorten(&wasm, &not_key)
                .unwrap_err()
                .contains("other than as a key")
        );
    }

    /// Protects the names' uniqueness: every short name is distinct and an identifier.
    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(names[0], "a");
        assert_eq!(names[51], "Z");
        assert_eq!(names[52], "aa");
        let set: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(set.len(), names.len());
        assert!(
            names
                .iter()
                .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphabetic()))
        );
    }
}
