//! Marsad's automation. `cargo xtask <command>`:
//!
//!   serve         install what is missing, then build and serve the app, printing its URL
//!   test          install what is missing, then run every check and test (what CI runs)
//!   build         release build into dist/
//!   size          release build, then print the gzipped size of dist/
//!   screenshots   release build, then screenshots of each view into target/screenshots/
//!   standalone    release build, then one self-contained HTML file that opens from disk
//!   print         release build, then A4 print previews (PDF, and PNG pages with pdftoppm) of
//!                 the reader and the compare views into target/print/
//!   measure-typing  release build, then time from keystroke to results in headless Chromium
//!   bench-import [N]  release build, then import N (1000) generated articles in the page: time,
//!                 and keystroke latency during the import
//!   corpus-report per article and knowledge layer: curated, found automatically, or not yet curated
//!   eval          the automatic layers measured against the curation (precision and recall)
//!   import FILE [--seeds DIR]  add the articles of a CSV or JSON Lines file (or a folder of
//!                 .txt files) to seeds/ (or DIR), with the release build of marsad-ingest
//!   synth N DIR   a generated seeds directory of N articles (release build of synth)
//!   bench-scale [--sizes 5,1000,10000] [--runs K]  build each corpus and measure it against
//!                 Pagefind in headless Chromium (see bench.rs); not part of `test`
//!   export-roundtrip  each export of the seeds as CSV through LibreOffice Calc (headless) and
//!                 back, Arabic cells compared; installs LibreOffice when missing; not part of `test`
//!   tools         only install what is missing
//!
//! No dependencies: this must build on a fresh machine before anything else is installed.

mod analyser;
mod bench;
mod csp;
mod roundtrip;
mod split;
mod standalone;
mod styles;
mod tools;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    let result = match cmd {
        "serve" => serve(rest),
        "test" => test(rest),
        "build" => tools::ensure_build_tools().and_then(|t| build_release(&t)),
        "size" => tools::ensure_build_tools()
            .and_then(|t| build_release(&t))
            .and_then(|_| size()),
        "screenshots" => screenshots(),
        "print" => print_previews(),
        "standalone" => tools::ensure_build_tools()
            .and_then(|t| build_release(&t))
            .and_then(|_| standalone::bundle()),
        "measure-typing" => measure_typing(),
        "bench-import" => bench_import(rest),
        "eval" => run(Command::new("cargo").args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "marsad-core",
            "--example",
            "eval",
        ])),
        "corpus-report" => run(ingest().arg("report").arg(seeds_dir())),
        "import" => import(rest),
        "synth" => synth(rest),
        "bench-scale" => bench::scale(rest),
        "export-roundtrip" => roundtrip::export_roundtrip(),
        "tools" => tools::ensure_build_tools()
            .and_then(|_| tools::ensure_browser_tools())
            .map(|_| ()),
        _ => {
            eprintln!("{}", include_str!("usage.txt"));
            return if cmd == "help" || cmd == "--help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask {cmd}: {e}");
            ExitCode::FAILURE
        }
    }
}

pub type Result<T = ()> = std::result::Result<T, String>;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Runs a command in the workspace root, inheriting output; fails with the command line.
pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    eprintln!("$ {}", shown.replace('"', ""));
    let status = cmd
        .current_dir_if_unset()
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

trait CurrentDir {
    fn current_dir_if_unset(&mut self) -> &mut Self;
}
impl CurrentDir for Command {
    fn current_dir_if_unset(&mut self) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(root());
        }
        self
    }
}

/// Test counts gathered from the runners' own summary lines.
#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
}

impl Tally {
    /// Reads the summary lines of cargo test / wasm-bindgen-test and node's test runner.
    fn scan(&mut self, line: &str) {
        let l = line.trim();
        if let Some(rest) = l.strip_prefix("test result: ") {
            self.passed += number_before(rest, " passed");
            self.failed += number_before(rest, " failed");
        } else if let Some(n) = l.strip_prefix("# pass ") {
            self.passed += n.trim().parse::<u64>().unwrap_or(0);
        } else if let Some(n) = l.strip_prefix("# fail ") {
            self.failed += n.trim().parse::<u64>().unwrap_or(0);
        }
    }
}

fn number_before(s: &str, word: &str) -> u64 {
    s.find(word)
        .and_then(|i| s[..i].rsplit([' ', '.', ';']).next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// Runs a test step, echoing its output while counting tests.
fn run_counted(tally: &mut Tally, cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}").replace('"', "");
    eprintln!("$ {shown}");
    let mut child = cmd
        .current_dir_if_unset()
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    let out = child.stdout.take().expect("piped");
    for line in BufReader::new(out).lines().map_while(|l| l.ok()) {
        println!("{line}");
        tally.scan(&line);
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn serve(args: &[String]) -> Result {
    let tools = tools::ensure_build_tools()?;
    let port = args
        .iter()
        .position(|a| a == "--port")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| "8080".into());
    build_data()?;
    println!("\nMarsad will be served at http://127.0.0.1:{port}/ (Ctrl-C stops it)\n");
    run(tools.cmd("trunk").args([
        "serve",
        "--offline",
        "--port",
        &port,
        "--address",
        "127.0.0.1",
    ]))
}

/// The seeds directory the app is built from: `MARSAD_SEEDS`, else `seeds/`.
pub fn seeds_dir() -> PathBuf {
    std::env::var_os("MARSAD_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("seeds"))
}

/// The build step's command line (`marsad-ingest`, built in release mode), ready for arguments.
pub fn ingest() -> Command {
    let mut c = Command::new("cargo");
    c.args(["run", "--quiet", "--release", "-p", "marsad-ingest", "--"]);
    c
}

/// Validates the seeds and writes the data bundle into `target/data/` (copied into `dist/` by
/// the page's build) and the same bundle packed into one file, `target/data.packed`.
pub fn build_data() -> Result {
    let seeds = seeds_dir();
    run(ingest()
        .arg("bundle")
        .arg(&seeds)
        .arg(root().join("target/data"))
        .arg("--packed")
        .arg(root().join("target/data.packed")))
}

const IMPORT_USAGE: &str = "usage: cargo xtask import FILE [--seeds DIR]";

/// `FILE [--seeds DIR]`: the file and the seeds directory (default: [`seeds_dir`]).
fn import_args(args: &[String]) -> Result<(PathBuf, PathBuf)> {
    let (mut file, mut seeds) = (None, seeds_dir());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seeds" => {
                let dir = it
                    .next()
                    .ok_or(format!("--seeds needs a directory\n{IMPORT_USAGE}"))?;
                seeds = PathBuf::from(dir);
            }
            _ if file.is_none() && !a.starts_with("--") => file = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument \"{a}\"\n{IMPORT_USAGE}")),
        }
    }
    let file = file.ok_or(IMPORT_USAGE)?;
    Ok((file, seeds))
}

/// Imports articles into a seeds directory with the release build of `marsad-ingest import`.
fn import(args: &[String]) -> Result {
    let (file, seeds) = import_args(args)?;
    // Commands run in the workspace root: paths given relative to where xtask was started are
    // made absolute first.
    let absolute = |p: &Path| std::path::absolute(p).map_err(|e| format!("{}: {e}", p.display()));
    run(ingest()
        .arg("import")
        .arg(absolute(&file)?)
        .arg(absolute(&seeds)?))
}

const SYNTH_USAGE: &str = "usage: cargo xtask synth N DIR [--seeds SEEDS_DIR]";

/// `N DIR [--seeds SEEDS_DIR]`: the size, the directory to write and the seeds to start from
/// (default: the `synth` binary's own, `seeds/`).
fn synth_args(args: &[String]) -> Result<(usize, PathBuf, Option<PathBuf>)> {
    let (mut positional, mut seeds) = (Vec::new(), None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seeds" => {
                let dir = it
                    .next()
                    .ok_or(format!("--seeds needs a directory\n{SYNTH_USAGE}"))?;
                seeds = Some(PathBuf::from(dir));
            }
            _ if !a.starts_with("--") => positional.push(a.clone()),
            _ => return Err(format!("unexpected argument \"{a}\"\n{SYNTH_USAGE}")),
        }
    }
    let [n, dir] = positional.as_slice() else {
        return Err(SYNTH_USAGE.into());
    };
    let n = n
        .parse()
        .map_err(|_| format!("N must be a whole number, not \"{n}\"\n{SYNTH_USAGE}"))?;
    Ok((n, PathBuf::from(dir), seeds))
}

/// Writes a generated seeds directory of N articles with the release build of `synth`.
fn synth(args: &[String]) -> Result {
    let (n, dir, seeds) = synth_args(args)?;
    let absolute = |p: &Path| std::path::absolute(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut cmd = Command::new("cargo");
    cmd.args([
        "run",
        "--quiet",
        "--release",
        "-p",
        "marsad-ingest",
        "--bin",
        "synth",
        "--",
    ])
    .arg(n.to_string())
    .arg(absolute(&dir)?);
    if let Some(seeds) = seeds {
        cmd.arg("--seeds").arg(absolute(&seeds)?);
    }
    run(&mut cmd)
}

fn build_release(tools: &tools::Tools) -> Result {
    build_data()?;
    run(tools.cmd("trunk").args(["build", "--release", "--offline"]))?;
    styles::join(&root().join("dist"), tools)?;
    split::build(tools)?;
    announce_data()
}

/// Names the bundle in `dist/index.html` (so the page need not ask `data/current`), lets the
/// browser fetch its summary while the code loads, names the analyser's worker (renamed by content:
/// see [`analyser`]), and puts the page's Content-Security-Policy
/// first in its head (with the hash of Trunk's inline start-up script: see [`csp`]).
fn announce_data() -> Result {
    let version = data_version(&root().join("target/data"))?;
    let loader = analyser::hash_names(&root().join("dist"))?;
    let index = root().join("dist/index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = analyser::announce(&html, &loader);
    let html = csp::secure_page(&announce(&html, &version))?;
    std::fs::write(&index, html).map_err(|e| e.to_string())
}

/// The version a data directory's `current` file names.
pub fn data_version(data: &Path) -> Result<String> {
    let current = data.join("current");
    let version = std::fs::read_to_string(&current)
        .map_err(|e| format!("{}: {e} (the data was not built)", current.display()))?;
    Ok(version.trim().to_string())
}

/// The page with the bundle `version` named in its head: the `marsad-data` meta element and a
/// preload of its summary.
pub fn announce(html: &str, version: &str) -> String {
    let tags = format!(
        "<meta name=\"marsad-data\" content=\"data/{version}/\">\n    <link rel=\"preload\" href=\"data/{version}/summary.bin\" as=\"fetch\" crossorigin=\"anonymous\">\n  </head>"
    );
    html.replacen("</head>", &tags, 1)
}

fn test(_args: &[String]) -> Result {
    let started = Instant::now();
    let tools = tools::ensure_build_tools()?;
    let browser = tools::ensure_browser_tools()?;
    let mut tally = Tally::default();
    let root = root();

    step("data bundle of the seeds (the component tests embed it)")?;
    build_data()?;

    step("format")?;
    run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;

    step("lint (native and wasm)")?;
    run(Command::new("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(Command::new("cargo").args([
        "clippy",
        "-p",
        "marsad",
        "--all-targets",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("native tests of the core, the build step and xtask")?;
    run_counted(
        &mut tally,
        Command::new("cargo").args(["test", "--workspace"]),
    )?;

    step("component tests in headless Chromium (wasm-bindgen-test)")?;
    run_counted(
        &mut tally,
        tools
            .cmd("cargo")
            .args([
                "test",
                "-p",
                "marsad",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "web",
            ])
            .env("CHROMEDRIVER", &browser.chromedriver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;

    step("release build of dist/ and of the standalone file")?;
    build_release(&tools)?;
    standalone::bundle()?;

    step("end-to-end tests: dist/ over HTTP in headless Chromium")?;
    run_counted(
        &mut tally,
        Command::new("node")
            .args(["--test", "--test-reporter=tap", "tests/e2e/"])
            .env("CHROMIUM", &browser.chromium)
            .env("MARSAD_DIST", root.join("dist"))
            .env("MARSAD_STANDALONE", root.join("standalone/marsad.html"))
            .env("MARSAD_INGEST", root.join("target/release/marsad-ingest")),
    )?;

    println!("\nAll checks passed in {:.0?}.", started.elapsed());
    println!("tests: {} passed, {} failed", tally.passed, tally.failed);
    if tally.failed > 0 {
        Err("some tests failed".into())
    } else {
        Ok(())
    }
}

fn step(name: &str) -> Result {
    eprintln!("\n==> {name}");
    Ok(())
}

fn size() -> Result {
    let dist = root().join("dist");
    let mut rows = Vec::new();
    collect(&dist, &mut rows)?;
    rows.sort();
    let (mut raw_total, mut gz_total) = (0u64, 0u64);
    println!("{:<48} {:>10} {:>10}", "file (dist/)", "bytes", "gzip -9");
    for path in rows {
        let raw = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
        let gz = gzip_len(&path)?;
        raw_total += raw;
        gz_total += gz;
        let name = path
            .strip_prefix(&dist)
            .unwrap_or(&path)
            .display()
            .to_string();
        println!("{name:<48} {raw:>10} {gz:>10}");
    }
    println!("{:<48} {raw_total:>10} {gz_total:>10}", "total");
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e} (build first)", dir.display()))? {
        let p = e.map_err(|e| e.to_string())?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

fn gzip_len(path: &Path) -> Result<u64> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip failed on {}", path.display()));
    }
    Ok(out.stdout.len() as u64)
}

/// Builds the release `dist/`, then runs a Node script of `tests/e2e/` on it in headless Chromium.
fn node_on_dist(script: &str, args: &[&std::ffi::OsStr]) -> Result {
    let tools = tools::ensure_build_tools()?;
    let browser = tools::ensure_browser_tools()?;
    build_release(&tools)?;
    run(Command::new("node")
        .arg(format!("tests/e2e/{script}"))
        .args(args)
        .env("CHROMIUM", &browser.chromium)
        .env("MARSAD_DIST", root().join("dist")))
}

fn measure_typing() -> Result {
    node_on_dist("measure-typing.mjs", &[])
}

/// A4 print previews of the reader and the compare views, in both interface languages.
fn print_previews() -> Result {
    let out = root().join("target/print");
    node_on_dist("print.mjs", &[out.as_os_str()])?;
    println!("Print previews in {}", out.display());
    Ok(())
}

/// Imports N generated articles in the page and times it, with keystroke latency meanwhile.
fn bench_import(rest: &[String]) -> Result {
    let args: Vec<&std::ffi::OsStr> = rest.iter().map(|a| a.as_ref()).collect();
    node_on_dist("bench-import.mjs", &args)
}

fn screenshots() -> Result {
    let out = root().join("target/screenshots");
    node_on_dist("screenshots.mjs", &[out.as_os_str()])?;
    println!("Screenshots in {}", out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_reads_cargo_and_node_summaries() {
        let mut t = Tally::default();
        t.scan("test result: ok. 46 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.40s");
        t.scan("test result: FAILED. 3 passed; 2 failed; 0 ignored");
        t.scan("# pass 7");
        t.scan("# fail 1");
        t.scan("running 3 tests");
        assert_eq!((t.passed, t.failed), (56, 3));
    }

    #[test]
    fn import_takes_a_file_and_an_optional_seeds_directory() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (file, seeds) = import_args(&args(&["a.csv"])).unwrap();
        assert_eq!((file, seeds), (PathBuf::from("a.csv"), seeds_dir()));
        let (file, seeds) = import_args(&args(&["--seeds", "/tmp/s", "a.jsonl"])).unwrap();
        assert_eq!(
            (file, seeds),
            (PathBuf::from("a.jsonl"), PathBuf::from("/tmp/s"))
        );
        for bad in [
            &[][..],
            &["a.csv", "b.csv"],
            &["a.csv", "--seeds"],
            &["--force", "a.csv"],
        ] {
            let e = import_args(&args(bad)).unwrap_err();
            assert!(e.contains(IMPORT_USAGE), "{bad:?}: {e}");
        }
    }

    #[test]
    fn synth_takes_a_size_a_directory_and_optional_seeds() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            synth_args(&args(&["1000", "/tmp/s"])).unwrap(),
            (1000, PathBuf::from("/tmp/s"), None)
        );
        assert_eq!(
            synth_args(&args(&["--seeds", "my-seeds", "50", "out"])).unwrap(),
            (50, PathBuf::from("out"), Some(PathBuf::from("my-seeds")))
        );
        for bad in [
            &[][..],
            &["1000"],
            &["many", "/tmp/s"],
            &["1000", "/tmp/s", "extra"],
            &["1000", "/tmp/s", "--seeds"],
            &["--fast", "1000", "/tmp/s"],
        ] {
            let e = synth_args(&args(bad)).unwrap_err();
            assert!(e.contains(SYNTH_USAGE), "{bad:?}: {e}");
        }
    }
}
