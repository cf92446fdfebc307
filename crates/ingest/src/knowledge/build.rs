//! Validating the knowledge files against the articles and building the runtime [`Knowledge`]:
//! which files there are, the order they are read in (voices name actors), and the check that
//! an article × layer cell has items or a recorded reason, never both.

use super::defined;
use super::file::{FileCx, Seeds};
use super::marks;
use super::raw::*;
use crate::seedfile::{ErrorKind, SeedError};
use marsad_core::model::{Article, EmptyCell, Knowledge, Layer};
use std::collections::{BTreeMap, BTreeSet};

/// Builds the knowledge from the files of `seeds/knowledge/` (name → bytes), checking it against
/// the articles. `dir_label` is how the directory is shown in messages (`seeds/knowledge`).
pub fn build(
    files: &BTreeMap<String, Vec<u8>>,
    dir_label: &str,
    articles: &[Article],
    errors: &mut Vec<SeedError>,
) -> Knowledge {
    let mut k = Knowledge::default();
    let known_files: BTreeSet<&str> = Layer::ALL.iter().map(|l| l.file()).collect();
    for name in files.keys() {
        if !known_files.contains(name.as_str()) {
            errors.push(SeedError {
                kind: ErrorKind::Syntax,
                file: format!("{dir_label}/{name}"),
                line: 1,
                message: format!(
                    "unknown knowledge file (expected one of: {})",
                    known_files.iter().copied().collect::<Vec<_>>().join(", ")
                ),
            });
        }
    }
    // Which articles have at least one item, per layer; and recorded reasons for empty cells.
    let mut filled: BTreeMap<Layer, BTreeSet<String>> = BTreeMap::new();
    let mut nones: Vec<(Layer, String, usize, String, String)> = Vec::new(); // layer, article, line, reason, path
    let seeds = Seeds::new(files, dir_label, articles);
    let mut record_nones = |layer: Layer, raw: &[RawNone], cx: &mut FileCx<'_>| {
        for n in raw {
            if cx.article(&n.article).is_some() {
                nones.push((
                    layer,
                    n.article.get_ref().clone(),
                    cx.line(n.article.span().start),
                    n.reason_en.clone(),
                    cx.path.clone(),
                ));
            }
        }
    };

    if let Some((raw, mut cx)) = seeds.open::<RawEvents>("events.toml", errors) {
        k.curated.push(Layer::Events);
        defined::events(raw.event, &mut cx, &mut filled, &mut k);
        record_nones(Layer::Events, &raw.none, &mut cx);
    }

    if let Some((raw, mut cx)) = seeds.open::<RawActors>("actors.toml", errors) {
        k.curated.push(Layer::Actors);
        defined::actors(raw.actor, &mut cx, &mut filled, &mut k);
        record_nones(Layer::Actors, &raw.none, &mut cx);
    }

    if let Some((raw, mut cx)) = seeds.open::<RawVoices>("voices.toml", errors) {
        k.curated.push(Layer::Voices);
        marks::voices(raw.voice, &mut cx, &mut filled, &mut k);
        record_nones(Layer::Voices, &raw.none, &mut cx);
    }

    if let Some((raw, mut cx)) = seeds.open::<RawNaming>("naming.toml", errors) {
        k.curated.push(Layer::Naming);
        defined::referents(raw.referent, &mut cx, &mut filled, &mut k);
        record_nones(Layer::Naming, &raw.none, &mut cx);
    }

    if let Some((raw, mut cx)) = seeds.open::<RawClaims>("claims.toml", errors) {
        k.curated.push(Layer::Claims);
        defined::claims(raw.claim, &mut cx, &mut filled, &mut k);
        record_nones(Layer::Claims, &raw.none, &mut cx);
    }

    if let Some((raw, mut cx)) = seeds.open::<RawEvaluative>("evaluative.toml", errors) {
        k.curated.push(Layer::Techniques);
        k.curated.push(Layer::Frames);
        marks::techniques(raw.technique, &mut cx, &mut filled, &mut k);
        marks::frames(raw.frames, &mut cx, &mut filled, &mut k);
        record_nones(Layer::Techniques, &raw.none, &mut cx);
    }

    if let Some((raw, mut cx)) = seeds.open::<RawOddities>("oddities.toml", errors) {
        k.curated.push(Layer::Oddities);
        marks::oddities(raw.oddity, &mut cx, &mut filled, &mut k);
        record_nones(Layer::Oddities, &raw.none, &mut cx);
    }

    // An article × layer cell has items or a recorded reason, never both; a cell with neither is
    // simply not curated yet (the rules' findings are shown there).
    for (layer, article, line, reason, path) in nones {
        if filled.get(&layer).is_some_and(|s| s.contains(&article)) {
            errors.push(SeedError {
                kind: ErrorKind::LayerCell,
                file: path.clone(),
                line,
                message: format!(
                    "[[none]] for \"{article}\", but the {} layer has items for it",
                    layer.name()
                ),
            });
        }
        k.empty.push(EmptyCell {
            layer,
            article,
            reason_en: reason,
        });
    }
    k
}
