//! The curated knowledge about the articles: events, actors, voices, naming, claims, evaluative
//! language, frames and textual oddities. Every item is anchored to exact words by a [`Span`].
//!
//! These are the runtime types. The files in `seeds/knowledge/*.toml` are read and validated
//! against the verbatim texts at build time (spans must occur in their article, references must
//! exist, labels must be known); only the validated values reach the app.
//!
//! This file holds the types, each definition without its spans, and the lookups by id;
//! `by_article` cuts the knowledge into one part per article and puts parts back together,
//! `cells` counts what an article has in a layer, and `labels` holds the closed label sets and
//! their names.

mod by_article;
mod cells;
mod labels;

pub use labels::*;

use super::date::DateSpec;
use serde::{Deserialize, Serialize};

/// A byte range of an article's verbatim text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub article: String,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Knowledge {
    pub events: Vec<Event>,
    pub actors: Vec<Actor>,
    pub voices: Vec<Voice>,
    pub referents: Vec<Referent>,
    pub claims: Vec<Claim>,
    pub techniques: Vec<Technique>,
    pub frames: Vec<ParagraphFrame>,
    pub oddities: Vec<Oddity>,
    /// Article × layer cells with no item, and why (from `[[none]]` entries).
    pub empty: Vec<EmptyCell>,
    /// Layers whose file exists in `seeds/knowledge/` (a missing file = layer not curated).
    pub curated: Vec<Layer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub date: DateSpec,
    pub title_en: String,
    pub title_ar: String,
    pub note_en: Option<String>,
    pub refs: Vec<EventRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventRole {
    /// The article's news.
    Main,
    /// Mentioned as context.
    Background,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRef {
    pub span: Span,
    pub role: EventRole,
    /// Found automatically by this rule (see `analysis::auto::Rule`); `None` when curated.
    pub rule: Option<String>,
}

/// A span found automatically, with the rule that found it (see `analysis::auto::Rule`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub span: Span,
    pub rule: String,
}

/// Whether an article × layer cell was curated (items or a recorded reason), has only what the
/// rules found, or has nothing yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CellState {
    Curated,
    Automatic,
    NotCurated,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub category: String,
    pub role_en: Option<String>,
    /// Each distinct written form, once per article (curated).
    pub variants: Vec<Span>,
    /// Mentions found automatically.
    pub found: Vec<Found>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoiceMode {
    Direct,
    Reported,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voice {
    /// An actor id; for a speaker the rules found but no actor names, `~` and the phrase's
    /// normalized words.
    pub speaker: String,
    /// For such a new speaker: the phrase as written.
    pub speaker_words: Option<String>,
    /// The speech verb as written, inside `span`.
    pub verb: Span,
    pub mode: VoiceMode,
    pub span: Span,
    /// Found automatically by this rule; `None` when curated.
    pub rule: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Referent {
    pub id: String,
    pub title_en: String,
    pub title_ar: String,
    /// Curated wordings.
    pub names: Vec<Span>,
    /// Known wordings found automatically.
    pub found: Vec<Found>,
    pub absent: Vec<Absence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Absence {
    pub article: String,
    pub reason_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub kind: String,
    pub title_en: String,
    pub states: Vec<Span>,
    pub contradicts: Vec<Contradiction>,
    pub note_en: Option<String>,
    /// A figure lined up by the rules across articles (this rule); `None` when curated.
    pub rule: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    pub span: Span,
    pub note_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Technique {
    pub label: String,
    pub span: Span,
    pub rationale_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphFrame {
    pub article: String,
    pub paragraph: u32,
    pub frame: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Oddity {
    pub span: Span,
    pub note_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmptyCell {
    pub layer: Layer,
    pub article: String,
    pub reason_en: String,
}

/// A knowledge layer: one file in `seeds/knowledge/`, one column of the corpus report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    Events,
    Actors,
    Voices,
    Naming,
    Claims,
    Techniques,
    Frames,
    Oddities,
}

impl Layer {
    pub const ALL: [Layer; 8] = [
        Layer::Events,
        Layer::Actors,
        Layer::Voices,
        Layer::Naming,
        Layer::Claims,
        Layer::Techniques,
        Layer::Frames,
        Layer::Oddities,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layer::Events => "events",
            Layer::Actors => "actors",
            Layer::Voices => "voices",
            Layer::Naming => "naming",
            Layer::Claims => "claims",
            Layer::Techniques => "techniques",
            Layer::Frames => "frames",
            Layer::Oddities => "oddities",
        }
    }

    /// The file a layer lives in (techniques and frames share `evaluative.toml`).
    pub fn file(self) -> &'static str {
        match self {
            Layer::Events => "events.toml",
            Layer::Actors => "actors.toml",
            Layer::Voices => "voices.toml",
            Layer::Naming => "naming.toml",
            Layer::Claims => "claims.toml",
            Layer::Techniques | Layer::Frames => "evaluative.toml",
            Layer::Oddities => "oddities.toml",
        }
    }
}

// ----- lookups ----------------------------------------------------------------------------------

impl Event {
    /// The event without its references (copies no list).
    pub fn definition(&self) -> Event {
        Event {
            id: self.id.clone(),
            date: self.date,
            title_en: self.title_en.clone(),
            title_ar: self.title_ar.clone(),
            note_en: self.note_en.clone(),
            refs: Vec::new(),
        }
    }
}

impl Actor {
    /// The actor without its written forms and mentions (copies no list).
    pub fn definition(&self) -> Actor {
        Actor {
            id: self.id.clone(),
            name_en: self.name_en.clone(),
            name_ar: self.name_ar.clone(),
            category: self.category.clone(),
            role_en: self.role_en.clone(),
            variants: Vec::new(),
            found: Vec::new(),
        }
    }
}

impl Referent {
    /// The referent without its wordings and absences (copies no list).
    pub fn definition(&self) -> Referent {
        Referent {
            id: self.id.clone(),
            title_en: self.title_en.clone(),
            title_ar: self.title_ar.clone(),
            names: Vec::new(),
            found: Vec::new(),
            absent: Vec::new(),
        }
    }
}

impl Claim {
    /// The claim without the places that state or contradict it (copies no list).
    pub fn definition(&self) -> Claim {
        Claim {
            id: self.id.clone(),
            kind: self.kind.clone(),
            title_en: self.title_en.clone(),
            states: Vec::new(),
            contradicts: Vec::new(),
            note_en: self.note_en.clone(),
            rule: self.rule.clone(),
        }
    }
}

impl Knowledge {
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
    pub fn referent(&self, id: &str) -> Option<&Referent> {
        self.referents.iter().find(|r| r.id == id)
    }
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}
