//! The curated knowledge about the articles: events, actors, voices, naming, claims, evaluative
//! language, frames and textual oddities. Every item is anchored to exact words by a [`Span`].
//!
//! These are the runtime types. The files in `seeds/knowledge/*.toml` are read and validated
//! against the verbatim texts at build time (spans must occur in their article, references must
//! exist, labels must be known); only the validated values reach the app.

use super::date::DateSpec;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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

pub const ACTOR_CATEGORIES: [&str; 10] = [
    "iraqi_government",
    "us_government",
    "coalition",
    "kurdistan_region",
    "iraqi_parliament",
    "armed_groups",
    "media",
    "unnamed_source",
    "foreign_government",
    "other",
];

/// Persuasion techniques of SemEval-2023 Task 3 (subtask 3), as used by ArAIEval.
pub const TECHNIQUES: [&str; 23] = [
    "Appeal_to_Authority",
    "Appeal_to_Fear-Prejudice",
    "Appeal_to_Hypocrisy",
    "Appeal_to_Popularity",
    "Appeal_to_Time",
    "Appeal_to_Values",
    "Causal_Oversimplification",
    "Consequential_Oversimplification",
    "Conversation_Killer",
    "Doubt",
    "Exaggeration-Minimisation",
    "False_Dilemma-No_Choice",
    "Flag_Waving",
    "Guilt_by_Association",
    "Loaded_Language",
    "Name_Calling-Labeling",
    "Obfuscation-Vagueness-Confusion",
    "Questioning_the_Reputation",
    "Red_Herring",
    "Repetition",
    "Slogans",
    "Straw_Man",
    "Whataboutism",
];

/// Frames of the Policy Frames Codebook (Boydstun et al.), as used by SemEval-2023 Task 3.
pub const FRAMES: [&str; 15] = [
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
    "Other",
];

pub const CLAIM_KINDS: [&str; 2] = ["claim", "number"];

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

    /// The definitions only (events, actors, referents, claims) with no spans: what every
    /// article's items refer to.
    pub fn definitions(&self) -> Knowledge {
        Knowledge {
            events: self.events.iter().map(|e| e.definition()).collect(),
            actors: self.actors.iter().map(|a| a.definition()).collect(),
            referents: self.referents.iter().map(|r| r.definition()).collect(),
            // Figures lined up by the rules travel with the articles that give them.
            claims: self
                .claims
                .iter()
                .filter(|c| c.rule.is_none())
                .map(|c| c.definition())
                .collect(),
            curated: self.curated.clone(),
            ..Knowledge::default()
        }
    }

    /// What the knowledge says about one article: its items, with the definitions they belong
    /// to (each holding only this article's spans). Definitions the article has nothing of are
    /// left out; [`Knowledge::merge`] puts articles back together.
    pub fn for_article(&self, article: &str) -> Knowledge {
        let on = |s: &Span| s.article == article;
        Knowledge {
            events: self
                .events
                .iter()
                .filter_map(|e| {
                    let refs: Vec<EventRef> =
                        e.refs.iter().filter(|r| on(&r.span)).cloned().collect();
                    (!refs.is_empty()).then(|| Event {
                        refs,
                        ..e.definition()
                    })
                })
                .collect(),
            actors: self
                .actors
                .iter()
                .filter_map(|a| {
                    let variants: Vec<Span> =
                        a.variants.iter().filter(|s| on(s)).cloned().collect();
                    let found: Vec<Found> =
                        a.found.iter().filter(|f| on(&f.span)).cloned().collect();
                    let heard = self.voices.iter().any(|v| v.speaker == a.id && on(&v.span));
                    (!variants.is_empty() || !found.is_empty() || heard).then(|| Actor {
                        variants,
                        found,
                        ..a.definition()
                    })
                })
                .collect(),
            voices: self
                .voices
                .iter()
                .filter(|v| on(&v.span))
                .cloned()
                .collect(),
            referents: self
                .referents
                .iter()
                .filter_map(|r| {
                    let names: Vec<Span> = r.names.iter().filter(|s| on(s)).cloned().collect();
                    let found: Vec<Found> =
                        r.found.iter().filter(|f| on(&f.span)).cloned().collect();
                    let absent: Vec<Absence> = r
                        .absent
                        .iter()
                        .filter(|a| a.article == article)
                        .cloned()
                        .collect();
                    (!names.is_empty() || !found.is_empty() || !absent.is_empty()).then(|| {
                        Referent {
                            names,
                            found,
                            absent,
                            ..r.definition()
                        }
                    })
                })
                .collect(),
            claims: self
                .claims
                .iter()
                .filter_map(|c| {
                    let states: Vec<Span> = c.states.iter().filter(|s| on(s)).cloned().collect();
                    let contradicts: Vec<Contradiction> = c
                        .contradicts
                        .iter()
                        .filter(|x| on(&x.span))
                        .cloned()
                        .collect();
                    (!states.is_empty() || !contradicts.is_empty()).then(|| Claim {
                        states,
                        contradicts,
                        ..c.definition()
                    })
                })
                .collect(),
            techniques: self
                .techniques
                .iter()
                .filter(|t| on(&t.span))
                .cloned()
                .collect(),
            frames: self
                .frames
                .iter()
                .filter(|f| f.article == article)
                .cloned()
                .collect(),
            oddities: self
                .oddities
                .iter()
                .filter(|o| on(&o.span))
                .cloned()
                .collect(),
            empty: self
                .empty
                .iter()
                .filter(|e| e.article == article)
                .cloned()
                .collect(),
            curated: self.curated.clone(),
        }
    }

    /// The knowledge split by article in one pass: for each article that has anything, what
    /// [`Knowledge::for_article`] gives (without the definitions it has nothing of).
    pub fn by_article(&self) -> BTreeMap<String, Knowledge> {
        let mut out: BTreeMap<String, Knowledge> = BTreeMap::new();
        fn slot<'a>(out: &'a mut BTreeMap<String, Knowledge>, a: &str) -> &'a mut Knowledge {
            out.entry(a.to_string()).or_default()
        }
        fn push_def<T: Clone>(
            list: &mut Vec<T>,
            id: impl Fn(&T) -> &str,
            def: &T,
            empty: impl Fn(&T) -> T,
            add: impl FnOnce(&mut T),
        ) {
            let i = match list.iter().rposition(|x| id(x) == id(def)) {
                Some(i) => i,
                None => {
                    list.push(empty(def));
                    list.len() - 1
                }
            };
            add(&mut list[i]);
        }
        for e in &self.events {
            let empty = |e: &Event| e.definition();
            for r in &e.refs {
                let k = slot(&mut out, &r.span.article);
                push_def(
                    &mut k.events,
                    |x| &x.id,
                    e,
                    empty,
                    |x| x.refs.push(r.clone()),
                );
            }
        }
        for a in &self.actors {
            let empty = |a: &Actor| a.definition();
            for s in &a.variants {
                let k = slot(&mut out, &s.article);
                push_def(
                    &mut k.actors,
                    |x| &x.id,
                    a,
                    empty,
                    |x| x.variants.push(s.clone()),
                );
            }
            for f in &a.found {
                let k = slot(&mut out, &f.span.article);
                push_def(
                    &mut k.actors,
                    |x| &x.id,
                    a,
                    empty,
                    |x| x.found.push(f.clone()),
                );
            }
        }
        for v in &self.voices {
            let k = slot(&mut out, &v.span.article);
            k.voices.push(v.clone());
            // A speaker heard here is an actor of the article too.
            if let Some(a) = self.actor(&v.speaker)
                && !k.actors.iter().any(|x| x.id == a.id)
            {
                k.actors.push(a.definition());
            }
        }
        for r in &self.referents {
            let empty = |r: &Referent| r.definition();
            for s in &r.names {
                let k = slot(&mut out, &s.article);
                push_def(
                    &mut k.referents,
                    |x| &x.id,
                    r,
                    empty,
                    |x| x.names.push(s.clone()),
                );
            }
            for f in &r.found {
                let k = slot(&mut out, &f.span.article);
                push_def(
                    &mut k.referents,
                    |x| &x.id,
                    r,
                    empty,
                    |x| x.found.push(f.clone()),
                );
            }
            for a in &r.absent {
                let k = slot(&mut out, &a.article);
                push_def(
                    &mut k.referents,
                    |x| &x.id,
                    r,
                    empty,
                    |x| x.absent.push(a.clone()),
                );
            }
        }
        for c in &self.claims {
            let empty = |c: &Claim| c.definition();
            for s in &c.states {
                let k = slot(&mut out, &s.article);
                push_def(
                    &mut k.claims,
                    |x| &x.id,
                    c,
                    empty,
                    |x| x.states.push(s.clone()),
                );
            }
            for x in &c.contradicts {
                let k = slot(&mut out, &x.span.article);
                push_def(
                    &mut k.claims,
                    |y| &y.id,
                    c,
                    empty,
                    |y| y.contradicts.push(x.clone()),
                );
            }
        }
        for t in &self.techniques {
            slot(&mut out, &t.span.article).techniques.push(t.clone());
        }
        for f in &self.frames {
            slot(&mut out, &f.article).frames.push(f.clone());
        }
        for o in &self.oddities {
            slot(&mut out, &o.span.article).oddities.push(o.clone());
        }
        for e in &self.empty {
            slot(&mut out, &e.article).empty.push(e.clone());
        }
        for k in out.values_mut() {
            k.curated = self.curated.clone();
        }
        out
    }

    /// Adds another part of the knowledge (another article's, or the definitions): items are
    /// appended, definitions with the same id are joined.
    pub fn merge(&mut self, other: Knowledge) {
        fn join<T>(
            into: &mut Vec<T>,
            from: Vec<T>,
            id: impl Fn(&T) -> &str,
            extend: impl Fn(&mut T, T),
        ) {
            let mut at: std::collections::HashMap<String, usize> = into
                .iter()
                .enumerate()
                .map(|(i, x)| (id(x).to_string(), i))
                .collect();
            for x in from {
                match at.get(id(&x)) {
                    Some(&i) => extend(&mut into[i], x),
                    None => {
                        at.insert(id(&x).to_string(), into.len());
                        into.push(x);
                    }
                }
            }
        }
        join(
            &mut self.events,
            other.events,
            |e| &e.id,
            |a, b| a.refs.extend(b.refs),
        );
        join(
            &mut self.actors,
            other.actors,
            |a| &a.id,
            |a, b| {
                a.variants.extend(b.variants);
                a.found.extend(b.found);
            },
        );
        join(
            &mut self.referents,
            other.referents,
            |r| &r.id,
            |a, b| {
                a.names.extend(b.names);
                a.found.extend(b.found);
                a.absent.extend(b.absent);
            },
        );
        join(
            &mut self.claims,
            other.claims,
            |c| &c.id,
            |a, b| {
                a.states.extend(b.states);
                a.contradicts.extend(b.contradicts);
            },
        );
        self.voices.extend(other.voices);
        self.techniques.extend(other.techniques);
        self.frames.extend(other.frames);
        self.oddities.extend(other.oddities);
        self.empty.extend(other.empty);
        for l in other.curated {
            if !self.curated.contains(&l) {
                self.curated.push(l);
            }
        }
    }

    /// For a referent: each article that names it, with its spans, in corpus order of spans.
    pub fn naming_by_article(&self, referent: &str) -> BTreeMap<&str, Vec<&Span>> {
        let mut out: BTreeMap<&str, Vec<&Span>> = BTreeMap::new();
        if let Some(r) = self.referent(referent) {
            for s in &r.names {
                out.entry(s.article.as_str()).or_default().push(s);
            }
        }
        out
    }

    /// Number of items an article has in a layer.
    pub fn count(&self, layer: Layer, article: &str) -> usize {
        self.count_by(layer, article, true)
    }

    /// Number of items an article has in a layer: curated ones (`curated`), or those the rules
    /// found (`!curated`).
    pub fn count_by(&self, layer: Layer, article: &str, curated: bool) -> usize {
        let on = |s: &Span| s.article == article;
        let keep = |rule: &Option<String>| rule.is_none() == curated;
        match layer {
            Layer::Events => self
                .events
                .iter()
                .filter(|e| e.refs.iter().any(|r| on(&r.span) && keep(&r.rule)))
                .count(),
            Layer::Actors => self
                .actors
                .iter()
                .filter(|a| {
                    if curated {
                        a.variants.iter().any(on)
                    } else {
                        a.found.iter().any(|f| on(&f.span))
                    }
                })
                .count(),
            Layer::Voices => self
                .voices
                .iter()
                .filter(|v| on(&v.span) && keep(&v.rule))
                .count(),
            Layer::Naming => self
                .referents
                .iter()
                .map(|r| {
                    if curated {
                        r.names.iter().filter(|s| on(s)).count()
                    } else {
                        r.found.iter().filter(|f| on(&f.span)).count()
                    }
                })
                .sum(),
            Layer::Claims => self
                .claims
                .iter()
                .filter(|c| keep(&c.rule))
                .filter(|c| c.states.iter().any(on) || c.contradicts.iter().any(|x| on(&x.span)))
                .count(),
            Layer::Techniques if curated => self.techniques.iter().filter(|t| on(&t.span)).count(),
            Layer::Frames if curated => self.frames.iter().filter(|f| f.article == article).count(),
            Layer::Oddities if curated => self.oddities.iter().filter(|o| on(&o.span)).count(),
            Layer::Techniques | Layer::Frames | Layer::Oddities => 0,
        }
    }

    /// Whether an article × layer cell is curated (items or a recorded reason; for naming, any
    /// wording or recorded absence), has only what the rules found, or nothing yet.
    pub fn cell(&self, layer: Layer, article: &str) -> CellState {
        let reason = match layer {
            Layer::Naming => self
                .referents
                .iter()
                .any(|r| r.absent.iter().any(|a| a.article == article)),
            _ => self
                .empty
                .iter()
                .any(|e| e.layer == layer && e.article == article),
        };
        if reason || self.count_by(layer, article, true) > 0 {
            CellState::Curated
        } else if self.count_by(layer, article, false) > 0 {
            CellState::Automatic
        } else {
            CellState::NotCurated
        }
    }
}

// ----- labels of the closed sets --------------------------------------------------------------

/// English and Arabic names of an actor category.
pub fn category_labels(c: &str) -> (&'static str, &'static str) {
    match c {
        "iraqi_government" => ("Iraqi government", "الحكومة العراقية"),
        "us_government" => ("US government", "الحكومة الأمريكية"),
        "coalition" => ("Coalition", "التحالف الدولي"),
        "kurdistan_region" => ("Kurdistan Region", "إقليم كوردستان"),
        "iraqi_parliament" => ("Iraqi parliament", "البرلمان العراقي"),
        "armed_groups" => ("Armed groups", "جماعات مسلحة"),
        "media" => ("Media", "وسائل إعلام"),
        "unnamed_source" => ("Unnamed source", "مصدر غير مسمّى"),
        "foreign_government" => ("Other government", "حكومة أجنبية"),
        _ => ("Other", "أخرى"),
    }
}

pub fn technique_ar(t: &str) -> &'static str {
    match t {
        "Appeal_to_Authority" => "الاحتكام إلى السلطة",
        "Appeal_to_Fear-Prejudice" => "إثارة الخوف والتحيّز",
        "Appeal_to_Hypocrisy" => "اتهام بالنفاق",
        "Appeal_to_Popularity" => "الاحتكام إلى الشيوع",
        "Appeal_to_Time" => "الاحتكام إلى الوقت",
        "Appeal_to_Values" => "الاحتكام إلى القيم",
        "Causal_Oversimplification" => "تبسيط سببي مخلّ",
        "Consequential_Oversimplification" => "تبسيط العواقب",
        "Conversation_Killer" => "إنهاء النقاش",
        "Doubt" => "التشكيك",
        "Exaggeration-Minimisation" => "تهويل أو تهوين",
        "False_Dilemma-No_Choice" => "معضلة زائفة",
        "Flag_Waving" => "التلويح بالراية",
        "Guilt_by_Association" => "الإدانة بالارتباط",
        "Loaded_Language" => "لغة مشحونة",
        "Name_Calling-Labeling" => "الوصم والتسميات",
        "Obfuscation-Vagueness-Confusion" => "التعمية والغموض",
        "Questioning_the_Reputation" => "الطعن في السمعة",
        "Red_Herring" => "تحويل الانتباه",
        "Repetition" => "التكرار",
        "Slogans" => "الشعارات",
        "Straw_Man" => "رجل القش",
        "Whataboutism" => "ماذا عن",
        _ => "تقنية أخرى",
    }
}

pub fn frame_ar(f: &str) -> &'static str {
    match f {
        "Economic" => "اقتصادي",
        "Capacity_and_resources" => "القدرات والموارد",
        "Morality" => "أخلاقي",
        "Fairness_and_equality" => "العدالة والمساواة",
        "Legality_Constitutionality_and_jurisprudence" => "قانوني ودستوري",
        "Policy_prescription_and_evaluation" => "وصف السياسات وتقييمها",
        "Crime_and_punishment" => "الجريمة والعقاب",
        "Security_and_defense" => "الأمن والدفاع",
        "Health_and_safety" => "الصحة والسلامة",
        "Quality_of_life" => "جودة الحياة",
        "Cultural_identity" => "الهوية الثقافية",
        "Public_opinion" => "الرأي العام",
        "Political" => "سياسي",
        "External_regulation_and_reputation" => "العلاقات الخارجية والسمعة",
        _ => "أخرى",
    }
}
