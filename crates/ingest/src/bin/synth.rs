//! Writes a generated corpus of N articles (the real seed articles and N minus their number
//! generated from them) as a seeds directory, for scale measurements.
//! Usage: `synth N DIR [--seeds SEEDS_DIR]` (default seeds: the project's `seeds/`). DIR must be
//! new or empty and outside the seeds directory.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: synth N DIR [--seeds SEEDS_DIR]";

fn main() -> ExitCode {
    let mut seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut positional = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seeds" => match args.next() {
                Some(s) => seeds = PathBuf::from(s),
                None => return fail(USAGE),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => positional.push(a),
        }
    }
    let [n, dir] = positional.as_slice() else {
        return fail(USAGE);
    };
    let Ok(n) = n.parse::<usize>() else {
        return fail(&format!("N must be a whole number, not \"{n}\"\n{USAGE}"));
    };
    let started = Instant::now();
    match marsad_ingest::synth::run(n, &PathBuf::from(dir), &seeds) {
        Ok(s) => {
            println!(
                "wrote {} articles from {} generated outlets into {dir}: {} files, {:.1} MB, in {:.2} s",
                s.articles,
                s.outlets,
                s.files,
                s.bytes as f64 / 1_000_000.0,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("synth: {message}");
    ExitCode::FAILURE
}
