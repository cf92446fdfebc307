//! The knowledge files of a generated corpus: the real files, byte for byte, with what the
//! validation requires for each generated article appended. Every article × layer cell needs
//! items or a recorded reason, so a generated article gets a `[[none]]` entry saying it is not
//! curated, an `absent` entry under every naming referent, and, in the frames layer (which has
//! no `[[none]]`), the curated frame of the seed paragraph each of its paragraphs mostly comes
//! from.

use serde::Deserialize;
use serde::de::IgnoredAny;
use std::fmt::Write;
use toml::Spanned;

/// Why a generated article has no items in a layer.
pub(super) const NOT_CURATED: &str =
    "Generated article for scale measurements (not a real text): not curated.";

/// A generated article as the knowledge files need it: its id and the frame of each paragraph.
pub(super) struct Generated<'a> {
    pub(super) id: &'a str,
    pub(super) frames: Vec<Option<String>>,
}

/// The file `name` of the seeds' `knowledge/`, extended for the generated articles.
pub(super) fn extend(name: &str, bytes: &[u8], generated: &[Generated]) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| format!("knowledge/{name}: not UTF-8"))?;
    let mut out = match name {
        "naming.toml" => naming(text, generated)?,
        _ => text.to_string(),
    };
    let none_layers = [
        "events.toml",
        "actors.toml",
        "voices.toml",
        "claims.toml",
        "evaluative.toml",
        "oddities.toml",
    ];
    if none_layers.contains(&name) {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("\n# Generated articles: not curated.\n");
        for g in generated {
            let _ = write!(
                out,
                "\n[[none]]\narticle = \"{}\"\nreason_en = \"{NOT_CURATED}\"\n",
                g.id
            );
        }
    }
    if name == "evaluative.toml" {
        out.push_str(
            "\n# Generated articles: each paragraph has the frame of the seed paragraph it mostly comes from.\n",
        );
        for g in generated {
            let _ = write!(
                out,
                "\n[[frames]]\narticle = \"{}\"\nparagraphs = {{ ",
                g.id
            );
            for (i, f) in g.frames.iter().enumerate() {
                let sep = if i == 0 { "" } else { ", " };
                let frame = f.as_deref().unwrap_or("Other");
                let _ = write!(out, "{sep}{} = \"{frame}\"", i + 1);
            }
            out.push_str(" }\n");
        }
    }
    Ok(out.into_bytes())
}

#[derive(Deserialize)]
struct NamingDoc {
    #[serde(default)]
    referent: Vec<RefDoc>,
}

#[derive(Deserialize)]
struct RefDoc {
    id: Spanned<String>,
    absent: Option<Spanned<Vec<IgnoredAny>>>,
}

/// Adds an `absent` entry for every generated article to every referent: at the start of its
/// `absent` list when it has one, else as a new `absent` key after its `id` line.
fn naming(text: &str, generated: &[Generated]) -> Result<String, String> {
    let doc: NamingDoc =
        toml::from_str(text).map_err(|e| format!("knowledge/naming.toml: {}", e.message()))?;
    let mut entries = String::new();
    for g in generated {
        let _ = writeln!(
            entries,
            "  {{ article = \"{}\", reason_en = \"{NOT_CURATED}\" }},",
            g.id
        );
    }
    let mut inserts: Vec<(usize, String)> = Vec::new();
    for r in &doc.referent {
        match &r.absent {
            // Right after the `[`, where no comment can be in the way.
            Some(list) => inserts.push((list.span().start + 1, format!("\n{entries}"))),
            None => {
                let end = r.id.span().end;
                let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
                inserts.push((line_end, format!("absent = [\n{entries}]\n")));
            }
        }
    }
    inserts.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    let mut out = text.to_string();
    for (at, s) in inserts {
        out.insert_str(at, &s);
    }
    Ok(out)
}
