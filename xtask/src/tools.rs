//! Finds or installs everything the build and the tests need, so that a fresh machine with only
//! rustup/cargo, git, Node/npm and apt can run `cargo xtask serve` and `cargo xtask test`.
//!
//! Tools already on PATH are reused when their version matches. Otherwise Rust tools are installed
//! with `cargo install` into `$CARGO_HOME/marsad-tools/<tool>-<version>/` (so a different version
//! the user keeps elsewhere is never replaced), and browser tools with apt-get when running as root.

use crate::{Result, root, run};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub struct Tools {
    /// PATH for child processes: the directories of the tools found or installed, then PATH.
    path: OsString,
}

impl Tools {
    /// A command for `program`, resolved on the tools' PATH (which child processes also get,
    /// so that trunk finds the matching wasm-bindgen).
    pub fn cmd(&self, program: &str) -> Command {
        let resolved = which_in(program, &self.path).unwrap_or_else(|| PathBuf::from(program));
        let mut c = Command::new(resolved);
        c.env("PATH", &self.path);
        c
    }
}

pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| "/root".into())).join(".cargo")
        })
}

fn which_in(program: &str, path: &OsString) -> Option<PathBuf> {
    if program.contains('/') {
        return Some(PathBuf::from(program));
    }
    std::env::split_paths(path)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

fn output_of(program: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The first `program` on `path` whose `--version` output contains `version`.
fn find_version(program: &str, version: &str, path: &OsString) -> Option<PathBuf> {
    std::env::split_paths(path)
        .map(|d| d.join(program))
        .filter(|p| p.is_file())
        .find(|p| {
            output_of(p, &["--version"]).is_some_and(|v| v.split_whitespace().any(|w| w == version))
        })
}

/// The wasm-bindgen version locked in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_string());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

pub fn ensure_build_tools() -> Result<Tools> {
    let system_path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = Vec::new();

    // 1. The wasm32 target.
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    match installed {
        Ok(out) if out.status.success() => {
            if !String::from_utf8_lossy(&out.stdout)
                .lines()
                .any(|l| l.trim() == WASM_TARGET)
            {
                eprintln!("Installing the {WASM_TARGET} target…");
                run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
            }
        }
        _ => {
            let sysroot = Command::new("rustc")
                .args(["--print", "sysroot"])
                .output()
                .map_err(|e| e.to_string())?;
            let lib = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim())
                .join("lib/rustlib")
                .join(WASM_TARGET);
            if !lib.exists() {
                return Err(format!(
                    "the {WASM_TARGET} target is missing and rustup is not available: install rustup, then `rustup target add {WASM_TARGET}`"
                ));
            }
        }
    }

    // 2. trunk and 3. wasm-bindgen-cli, each at its exact version.
    let wb_version = locked_wasm_bindgen()?;
    let wanted = [
        ("trunk", "trunk", TRUNK_VERSION.to_string(), true),
        ("wasm-bindgen", "wasm-bindgen-cli", wb_version, false),
    ];
    for (bin, krate, version, locked) in wanted {
        let own_root = cargo_home()
            .join("marsad-tools")
            .join(format!("{krate}-{version}"));
        let own_bin = own_root.join("bin");
        let search = std::env::join_paths(
            std::iter::once(own_bin.clone()).chain(std::env::split_paths(&system_path)),
        )
        .map_err(|e| e.to_string())?;
        let found = match find_version(bin, &version, &search) {
            Some(p) => p,
            None => {
                eprintln!(
                    "\n{bin} {version} not found: installing {krate} {version} with cargo (several minutes, once)…"
                );
                let mut c = Command::new("cargo");
                c.args(["install", krate, "--version", &version, "--root"])
                    .arg(&own_root);
                // wasm-bindgen-cli's lock file names a crate version no longer in the registry,
                // so it is installed without --locked; trunk needs --locked to build on this rustc.
                if locked {
                    c.arg("--locked");
                }
                run(&mut c)?;
                find_version(bin, &version, &search)
                    .ok_or_else(|| format!("{bin} {version} still not found after installing"))?
            }
        };
        let dir = found.parent().expect("a file has a parent").to_path_buf();
        eprintln!("using {bin} {version}: {}", found.display());
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }

    // 4. wasm-opt (binaryen) for release builds, from npm: Debian's binaryen is too old for the
    //    reference types in current wasm-bindgen output. esbuild minifies the split modules' glue.
    let node_tools = root().join("xtask/node");
    let bins = ["wasm-opt", "esbuild"].map(|b| node_tools.join("node_modules/.bin").join(b));
    if !bins.iter().all(|b| b.is_file()) {
        find_any(&["npm"]).ok_or(
            "npm is needed to install wasm-opt and esbuild: sudo apt-get install -y nodejs npm",
        )?;
        eprintln!("\nInstalling wasm-opt and esbuild (npm ci in xtask/node)…");
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&node_tools))?;
    }
    dirs.insert(0, node_tools.join("node_modules/.bin"));

    let path = std::env::join_paths(dirs.into_iter().chain(std::env::split_paths(&system_path)))
        .map_err(|e| e.to_string())?;
    Ok(Tools { path })
}

pub fn is_root() -> bool {
    output_of(Path::new("id"), &["-u"]).is_some_and(|s| s.trim() == "0")
}

pub fn find_any(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|n| which_in(n, &path))
}

pub fn ensure_browser_tools() -> Result<Browser> {
    let apt = ["chromium", "chromium-driver"];
    let find = || {
        let chromium = std::env::var_os("CHROMIUM")
            .map(PathBuf::from)
            .filter(|p| p.is_file())
            .or_else(|| find_any(&["chromium", "chromium-browser", "google-chrome"]));
        let driver = std::env::var_os("CHROMEDRIVER")
            .map(PathBuf::from)
            .filter(|p| p.is_file())
            .or_else(|| find_any(&["chromedriver"]));
        chromium.zip(driver)
    };
    let (chromium, chromedriver) = match find() {
        Some(found) => found,
        None if is_root() => {
            eprintln!(
                "\nChromium or ChromeDriver missing: installing {} with apt-get…",
                apt.join(" ")
            );
            run(Command::new("apt-get").arg("update"))?;
            run(Command::new("apt-get")
                .args(["install", "-y", "--no-install-recommends"])
                .args(apt)
                .env("DEBIAN_FRONTEND", "noninteractive"))?;
            find().ok_or("chromium and chromedriver still not found after apt-get install")?
        }
        None => {
            return Err(format!(
                "Chromium and ChromeDriver are needed for the browser tests. Install them with:\n    sudo apt-get update && sudo apt-get install -y {}",
                apt.join(" ")
            ));
        }
    };

    // Node.js runs the end-to-end tests (Playwright drives the Chromium found above).
    let node = find_any(&["node"]).ok_or(
        "Node.js and npm are needed for the end-to-end tests: sudo apt-get install -y nodejs npm",
    )?;
    let version = output_of(&node, &["--version"]).unwrap_or_default();
    let major: u32 = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 18 {
        return Err(format!(
            "Node.js 18 or newer is needed for the end-to-end tests (found {})",
            version.trim()
        ));
    }
    // playwright-core drives Chromium; axe-core checks accessibility.
    let e2e = root().join("tests/e2e");
    let installed = ["playwright-core", "axe-core"].iter().all(|p| {
        e2e.join("node_modules")
            .join(p)
            .join("package.json")
            .is_file()
    });
    if !installed {
        eprintln!("\nInstalling the end-to-end test dependencies (npm ci)…");
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&e2e))?;
    }
    eprintln!(
        "using {} and {}",
        chromium.display(),
        chromedriver.display()
    );
    Ok(Browser {
        chromium,
        chromedriver,
    })
}

/// The scale benchmark's Node packages (`tests/bench`: Pagefind and playwright-core), installed
/// with `npm ci` from its lock file when missing. Chromium and Node are checked by
/// [`ensure_browser_tools`].
pub fn ensure_bench_tools() -> Result {
    let bench = root().join("tests/bench");
    let installed = ["pagefind", "playwright-core"].iter().all(|p| {
        bench
            .join("node_modules")
            .join(p)
            .join("package.json")
            .is_file()
    });
    if !installed {
        eprintln!("\nInstalling the benchmark's dependencies (npm ci in tests/bench)…");
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&bench))?;
    }
    Ok(())
}
