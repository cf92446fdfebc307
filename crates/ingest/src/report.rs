//! The corpus report: per article and knowledge layer, what is curated, what only the rules
//! found, and what is not yet curated; every empty cell's recorded reason; and the speakers the
//! rules heard that are not actors yet (candidates for a curator).

use marsad_core::Corpus;
use marsad_core::model::{CellState, Layer};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Speakers listed as candidates, most heard first.
const CANDIDATES: usize = 50;

/// The report of `corpus`, whose knowledge already holds what the rules found.
pub fn render(corpus: &Corpus) -> String {
    let k = &corpus.knowledge;
    let by_article = k.by_article();
    let none = marsad_core::model::Knowledge::default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Corpus {} — {} articles, {} outlets",
        corpus.version,
        corpus.articles.len(),
        corpus.outlets.len()
    );
    let curated_voices = k.voices.iter().filter(|v| v.rule.is_none()).count();
    let _ = writeln!(
        out,
        "Curated: {} events, {} actors, {} voices, {} referents, {} claims, {} techniques, {} paragraph frames, {} oddities",
        k.events.len(),
        k.actors.len(),
        curated_voices,
        k.referents.len(),
        k.claims.iter().filter(|c| c.rule.is_none()).count(),
        k.techniques.len(),
        k.frames.len(),
        k.oddities.len()
    );
    let _ = writeln!(
        out,
        "Found automatically: {} voices, {} actor mentions, {} wordings, {} figures, {} event links\n",
        k.voices.len() - curated_voices,
        k.actors.iter().map(|a| a.found.len()).sum::<usize>(),
        k.referents.iter().map(|r| r.found.len()).sum::<usize>(),
        k.claims
            .iter()
            .filter(|c| c.rule.is_some())
            .map(|c| c.states.len())
            .sum::<usize>(),
        k.events
            .iter()
            .flat_map(|e| &e.refs)
            .filter(|r| r.rule.is_some())
            .count(),
    );
    let width = corpus
        .articles
        .iter()
        .map(|a| a.id.len())
        .max()
        .unwrap_or(7)
        .max(7);
    let _ = write!(out, "| {:<width$} |", "article");
    for l in Layer::ALL {
        let _ = write!(out, " {:>10} |", l.name());
    }
    let _ = writeln!(out);
    let _ = write!(out, "|{}|", "-".repeat(width + 2));
    for _ in Layer::ALL {
        let _ = write!(out, "{}|", "-".repeat(12));
    }
    let _ = writeln!(out);
    let mut empty = Vec::new();
    for a in &corpus.articles {
        let local = by_article.get(&a.id).unwrap_or(&none);
        let _ = write!(out, "| {:<width$} |", a.id);
        for l in Layer::ALL {
            let cell = match local.cell(l, &a.id) {
                CellState::Curated => match local.count_by(l, &a.id, true) {
                    0 => {
                        empty.push((a.id.clone(), l));
                        "0 *".to_string()
                    }
                    n => n.to_string(),
                },
                CellState::Automatic => format!("~{}", local.count_by(l, &a.id, false)),
                CellState::NotCurated => "—".to_string(),
            };
            let _ = write!(out, " {cell:>10} |");
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "\n(“12”: curated items; “0 *”: curated as empty, reason below; “~7”: not curated, found by the rules; “—”: not yet curated, nothing found. Naming counts wordings; events, actors and claims count items mentioning the article.)\n"
    );
    let _ = writeln!(out, "Empty cells and their reasons:");
    if empty.is_empty() {
        let _ = writeln!(out, "- none");
    }
    for (article, l) in &empty {
        let reason = if *l == Layer::Naming {
            "(see referents not mentioned)"
        } else {
            k.empty
                .iter()
                .find(|e| e.layer == *l && &e.article == article)
                .map(|e| e.reason_en.as_str())
                .unwrap_or("(no reason recorded)")
        };
        let _ = writeln!(out, "- {article} × {}: {reason}", l.name());
    }
    let _ = writeln!(out, "\nReferents not mentioned:");
    for r in &k.referents {
        for ab in &r.absent {
            let _ = writeln!(out, "- {} × {}: {}", ab.article, r.id, ab.reason_en);
        }
    }
    // New speakers: the rules heard them, no actor names them.
    let mut heard: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for v in &k.voices {
        if let (Some(words), true) = (&v.speaker_words, v.speaker.starts_with('~')) {
            let e = heard
                .entry(v.speaker.as_str())
                .or_insert((0, words.as_str()));
            e.0 += 1;
        }
    }
    let mut list: Vec<(&str, usize, &str)> =
        heard.into_iter().map(|(k, (n, w))| (k, n, w)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let _ = writeln!(
        out,
        "\nSpeakers found by the rules that are not actors yet ({} in all; add them to knowledge/actors.toml to curate them):",
        list.len()
    );
    for (_, n, words) in list.iter().take(CANDIDATES) {
        let _ = writeln!(out, "- «{words}» ×{n}");
    }
    out
}
