//! The catalog after an import: the old catalog byte for byte, then one commented block with
//! the new outlets and articles.

use super::Row;
use super::plan::Plan;
use marsad_core::model::Date;
use std::fmt::Write as _;
use std::ops::RangeInclusive;

/// The first lines of a catalog written for a seeds directory that had none.
pub const NEW_CATALOG: &str = "# Marsad seed catalog. Format: see seeds/README.md.\n\n[corpus]\ntitle_en = \"Imported articles\"\ntitle_ar = \"مقالات مستوردة\"\n";

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The new catalog, and for each new article (in plan order) the lines its entry spans.
pub fn catalog(
    old: &[u8],
    plan: &Plan,
    rows: &[Row],
    source: &str,
    today: Date,
) -> (Vec<u8>, Vec<RangeInclusive<usize>>) {
    let mut out = old.to_vec();
    if !out.is_empty() && !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let mut line = out.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut block = String::new();
    let rule = "# ".to_string() + &"=".repeat(93);
    let _ = write!(
        block,
        "\n{rule}\n# Imported from {} on {today}: {} article(s), {} new outlet(s).\n\
         # Texts verbatim as the file gives them; dates, outlets and titles from the file (see each\n\
         # entry's date_note_en and note_en). Not curated: check the new outlets' names.\n",
        source.replace('\n', " "),
        plan.articles.len(),
        plan.outlets.len()
    );
    for o in &plan.outlets {
        let _ = write!(
            block,
            "\n[[outlet]]\nid = {}\nname_ar = {}\nname_en = {}\nlanguage = \"ar\"\nnote_en = {}\n",
            quoted(&o.id),
            quoted(&o.name_ar),
            quoted(&o.name_en),
            quoted(&o.note_en)
        );
    }
    let mut spans = Vec::new();
    for a in &plan.articles {
        let row = &rows[a.row];
        block.push('\n');
        line += block.matches('\n').count();
        out.extend_from_slice(block.as_bytes());
        block.clear();
        let d = &row.date;
        let published = if d.start == d.end {
            d.start.to_string()
        } else {
            format!("{}/{}", d.start, d.end)
        };
        let _ = write!(
            block,
            "[[article]]\nid = {}\nfile = {}\noutlet = {}\npublished = \"{published}\"\nprecision = \"{}\"\n",
            quoted(&a.id),
            quoted(&a.file),
            quoted(&a.outlet),
            d.precision.name()
        );
        if d.approximate {
            block.push_str("approximate = true\n");
        }
        let _ = writeln!(block, "date_note_en = {}", quoted(&row.date_note));
        if let Some(t) = &a.title_ar {
            let _ = writeln!(block, "title_ar = {}", quoted(t));
        }
        let _ = writeln!(block, "note_en = {}", quoted(&a.note_en));
        if let Some(n) = a.headline {
            let _ = writeln!(block, "lines = {{ {n} = \"headline\" }}");
        }
        let lines = block.matches('\n').count();
        spans.push(line..=line + lines - 1);
    }
    out.extend_from_slice(block.as_bytes());
    (out, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings_read_back_as_written() {
        for s in [
            "plain",
            "«اقتباس» \"quoted\" and \\ back",
            "two\nlines\r\n\ttab",
            "bell\u{7} and del\u{7f} and nul\u{0}",
            "'''",
        ] {
            let doc = format!("v = {}\n", quoted(s));
            #[derive(serde::Deserialize)]
            struct V {
                v: String,
            }
            let back: V = toml::from_str(&doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert_eq!(back.v, s);
        }
    }
}
