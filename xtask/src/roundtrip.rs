//! `cargo xtask export-roundtrip`: each export of the seeds written as CSV, opened by LibreOffice
//! Calc headless with the import options of its Text Import dialog (comma, double quote, UTF-8),
//! saved as .xlsx, that workbook converted back to CSV, and every cell with Arabic in it compared
//! with the original. The same is then tried with no import options at all and reported, not
//! required: headless LibreOffice 7.4 then reads the system's legacy encoding whatever the
//! byte-order mark says. Installs LibreOffice Calc with apt-get when missing (as root). Not part
//! of `cargo xtask test`: LibreOffice is a large install for CI.

use crate::tools::{find_any, is_root};
use crate::{Result, root, run};
use std::path::Path;
use std::process::Command;

const APT: &str = "libreoffice-calc-nogui";

fn soffice() -> Result<std::path::PathBuf> {
    if let Some(p) = find_any(&["soffice", "libreoffice"]) {
        return Ok(p);
    }
    if !is_root() {
        return Err(format!(
            "LibreOffice Calc is needed: sudo apt-get install -y --no-install-recommends {APT}"
        ));
    }
    eprintln!("\nLibreOffice missing: installing {APT} with apt-get…");
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends", APT])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    find_any(&["soffice", "libreoffice"]).ok_or_else(|| "soffice still not found".to_string())
}

/// The CSV import options: comma, double quote, UTF-8 (76), from line 1.
const UTF8_IMPORT: &str = "--infilter=CSV:44,34,76,1";

fn convert(
    soffice: &Path,
    options: &[&str],
    to: &str,
    out: &Path,
    files: &[std::path::PathBuf],
    profile: &Path,
) -> Result {
    run(Command::new(soffice)
        // A profile of its own, so that a running LibreOffice or a user's settings play no part.
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(options)
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(out)
        .args(files))
}

fn csvs(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == ext));
    v.sort();
    v
}

pub fn export_roundtrip() -> Result {
    let soffice = soffice()?;
    let dir = root().join("target/export-roundtrip");
    let _ = std::fs::remove_dir_all(&dir);
    let (orig, xlsx, back) = (dir.join("csv"), dir.join("xlsx"), dir.join("back"));
    for d in [&orig, &xlsx, &back] {
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    println!(
        "1. The exports of the seeds as CSV, into {}:",
        orig.display()
    );
    run(export_csv().arg(&orig))?;
    let profile = dir.join("profile");
    let back_csv = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true";
    let compare = |back: &Path| run(export_csv().arg("--compare").arg(&orig).arg(back));
    println!("\n2. Opened by LibreOffice Calc as UTF-8 CSV ({UTF8_IMPORT}), saved as .xlsx:");
    convert(
        &soffice,
        &[UTF8_IMPORT],
        "xlsx",
        &xlsx,
        &csvs(&orig, "csv"),
        &profile,
    )?;
    println!("\n3. Each workbook converted back to CSV (UTF-8, comma, quoted text):");
    convert(
        &soffice,
        &[],
        back_csv,
        &back,
        &csvs(&xlsx, "xlsx"),
        &profile,
    )?;
    println!("\n4. Every cell with Arabic compared with the original:");
    compare(&back)
        .map_err(|_| "some Arabic cells did not survive the round trip (see above)".to_string())?;
    println!("\n5. For the record, the same with no import options (not required to pass):");
    let (xlsx2, back2) = (dir.join("xlsx-no-options"), dir.join("back-no-options"));
    for d in [&xlsx2, &back2] {
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    convert(&soffice, &[], "xlsx", &xlsx2, &csvs(&orig, "csv"), &profile)?;
    convert(
        &soffice,
        &[],
        back_csv,
        &back2,
        &csvs(&xlsx2, "xlsx"),
        &profile,
    )?;
    if compare(&back2).is_err() {
        println!("  with no import options, headless LibreOffice did not read the files as UTF-8");
    }
    println!(
        "\nexport-roundtrip: every Arabic cell intact after CSV (UTF-8) → LibreOffice → .xlsx → CSV"
    );
    Ok(())
}

/// The core's `export_csv` example, ready for its arguments.
fn export_csv() -> Command {
    let mut c = Command::new("cargo");
    c.args([
        "run",
        "--quiet",
        "-p",
        "marsad-core",
        "--example",
        "export_csv",
        "--",
    ]);
    c
}
