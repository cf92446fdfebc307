//! `marsad-split INPUT OUT_DIR`: splits the page's WebAssembly (linked with `--emit-relocs`, built
//! with `--cfg marsad_split`) at its `wasm_split` functions (the page's `split_point!`s). Writes `OUT_DIR/marsad_split.wasm` (the
//! main module, for wasm-bindgen), one module per lazy function and per piece of code several of
//! them share, and the loader `__wasm_split.______________________.js`, which fetches them next
//! to itself and imports `./marsad.js` (the main module's glue, so named by wasm-bindgen
//! `--out-name marsad` in the same directory).
//!
//! `marsad-split --shorten-imports WASM JS`: gives the imports of wasm-bindgen's output `WASM`
//! from its glue `JS` short names, in both files ([`imports`]).

mod imports;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, wasm, js] = args.as_slice()
        && flag == "--shorten-imports"
    {
        return match shorten(&PathBuf::from(wasm), &PathBuf::from(js)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("marsad-split: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let [input, out_dir] = args.as_slice() else {
        eprintln!(
            "usage: marsad-split INPUT.wasm OUT_DIR | marsad-split --shorten-imports WASM JS"
        );
        return ExitCode::from(2);
    };
    match split(&PathBuf::from(input), &PathBuf::from(out_dir)) {
        Ok(n) => {
            println!("split {input} into a main module and {n} lazily loaded ones");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("marsad-split: {e}");
            ExitCode::FAILURE
        }
    }
}

fn shorten(wasm_path: &PathBuf, js_path: &PathBuf) -> Result<(), String> {
    let wasm = std::fs::read(wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let js = std::fs::read_to_string(js_path).map_err(|e| format!("{}: {e}", js_path.display()))?;
    let (wasm, js) = imports::shorten(&wasm, &js)?;
    std::fs::write(wasm_path, wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    std::fs::write(js_path, js).map_err(|e| format!("{}: {e}", js_path.display()))
}

fn split(input: &PathBuf, out_dir: &PathBuf) -> Result<usize, String> {
    let wasm = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let main_out = out_dir.join("marsad_split.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&wasm);
    opts.output_dir = out_dir;
    opts.main_out_path = &main_out;
    opts.main_module = "./marsad.js";
    opts.link_name = "./__wasm_split.______________________.js";
    let out = wasm_split_cli_support::transform(opts).map_err(|e| format!("{e:#}"))?;
    Ok(out.split_modules.len())
}
