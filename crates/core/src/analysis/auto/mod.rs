//! Automatic analysis layers: the kinds of annotation the curation gives its articles, found by
//! rules for any Arabic news article, each item anchored to exact words and marked with the rule
//! that found it.
//!
//! The layers:
//!
//! - **voices** ([`AutoVoice`]): attributed statements. A speech verb (past, present or
//!   participle, with `و`/`ف`: `قال`, `أكد`, `أوضح`, `مشيراً`…), an attribution phrase (`بحسب`,
//!   `وفقاً لـ`, `نقلاً عن`, `على لسان`), a statement cue (`جاء في بيان …`, `X في بيان`) or a
//!   headline `X: …`. The speaker phrase is resolved to a known actor; a continuation (`وأضاف`)
//!   takes the previous speaker; an unknown subject such as `مسؤول عسكري` becomes a
//!   [`Speaker::New`] and a [`Candidate`] for a curator. Quotation marks decide direct or reported.
//! - **mentions** ([`AutoMention`]): every occurrence of a known actor's name, title or variant.
//! - **naming** ([`AutoNaming`]): each referent's known wordings wherever they occur (never a new
//!   wording).
//! - **figures** ([`Figure`]): a number with its counted noun (`2500 جندي`, `الأشهر الستة`,
//!   `مئات الآلاف من الضحايا`), with its value when definite.
//! - **events** ([`EventSuggestion`]): known events an article reports or mentions, from its dates
//!   and the words it shares with each event's curated references.
//!
//! What the rules know comes from a [`Lexicon`], built from the curated knowledge
//! ([`Lexicon::from_corpus`]) or without one article's own curation
//! ([`Lexicon::without_article`], for honest evaluation). [`analyse`] runs every layer on one
//! article; [`without_curated`] drops automatic items that curated ones already cover;
//! [`eval`] compares both on the curated articles (`cargo run -p marsad-core --example eval`).
//!
//! The module is pure (no I/O) and uses only [`crate::model`], [`crate::knowledge`] types,
//! [`crate::text`] and [`crate::date`], so the browser can run it on imported articles.
//! Every function is total, and every span is a char-boundary byte range of the article text.

mod context;
mod dedup;
pub mod eval;
mod events;
mod figures;
pub mod found;
mod lexicon;
mod matcher;
mod mentions;
mod prose;
mod speakers;
mod verbs;
mod voices;
mod words;

#[cfg(test)]
mod tests;

pub use dedup::without_curated;
pub use lexicon::{FormOrigin, LexActor, LexEvent, LexForm, LexReferent, Lexicon, Scope};

use crate::model::Article;
use crate::model::{EventRole, Span, VoiceMode};
use serde::{Deserialize, Serialize};

/// How an automatic item was found. Names are stable (`snake_case`), for links and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    SpeechVerb,
    SubjectBeforeVerb,
    Participle,
    Attribution,
    StatementCue,
    HeadlineColon,
    QuoteContinuation,
    ActorForm,
    Apposition,
    StatementIssuer,
    DefiniteAnaphora,
    PreviousSpeaker,
    SentenceSubject,
    NewSpeaker,
    ActorName,
    ActorVariant,
    ActorDerived,
    ActorNested,
    WordingExact,
    WordingStemmed,
    FigureDigits,
    FigureWords,
    FigureAfterNoun,
    EventDate,
    EventTerms,
}

impl Rule {
    pub const ALL: [Rule; 25] = [
        Rule::SpeechVerb,
        Rule::SubjectBeforeVerb,
        Rule::Participle,
        Rule::Attribution,
        Rule::StatementCue,
        Rule::HeadlineColon,
        Rule::QuoteContinuation,
        Rule::ActorForm,
        Rule::Apposition,
        Rule::StatementIssuer,
        Rule::DefiniteAnaphora,
        Rule::PreviousSpeaker,
        Rule::SentenceSubject,
        Rule::NewSpeaker,
        Rule::ActorName,
        Rule::ActorVariant,
        Rule::ActorDerived,
        Rule::ActorNested,
        Rule::WordingExact,
        Rule::WordingStemmed,
        Rule::FigureDigits,
        Rule::FigureWords,
        Rule::FigureAfterNoun,
        Rule::EventDate,
        Rule::EventTerms,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::SpeechVerb => "speech_verb",
            Rule::SubjectBeforeVerb => "subject_before_verb",
            Rule::Participle => "participle",
            Rule::Attribution => "attribution",
            Rule::StatementCue => "statement_cue",
            Rule::HeadlineColon => "headline_colon",
            Rule::QuoteContinuation => "quote_continuation",
            Rule::ActorForm => "actor_form",
            Rule::Apposition => "apposition",
            Rule::StatementIssuer => "statement_issuer",
            Rule::DefiniteAnaphora => "definite_anaphora",
            Rule::PreviousSpeaker => "previous_speaker",
            Rule::SentenceSubject => "sentence_subject",
            Rule::NewSpeaker => "new_speaker",
            Rule::ActorName => "actor_name",
            Rule::ActorVariant => "actor_variant",
            Rule::ActorDerived => "actor_derived",
            Rule::ActorNested => "actor_nested",
            Rule::WordingExact => "wording_exact",
            Rule::WordingStemmed => "wording_stemmed",
            Rule::FigureDigits => "figure_digits",
            Rule::FigureWords => "figure_words",
            Rule::FigureAfterNoun => "figure_after_noun",
            Rule::EventDate => "event_date",
            Rule::EventTerms => "event_terms",
        }
    }

    pub fn from_name(s: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == s)
    }

    /// A short English description, for tooltips and exports.
    pub fn description(self) -> &'static str {
        match self {
            Rule::SpeechVerb => {
                "a speech verb (قال، أكد، أوضح…) at the start of a clause, its subject after it"
            }
            Rule::SubjectBeforeVerb => {
                "a speech verb whose subject stands just before it (المصادر قالت)"
            }
            Rule::Participle => {
                "a speech participle (مؤكداً، مشيراً…) continuing the clause's speaker"
            }
            Rule::Attribution => {
                "an attribution phrase (بحسب، وفقاً لـ، نقلاً عن، على لسان) naming its source"
            }
            Rule::StatementCue => "a statement cue: جاء في بيان…, or a subject followed by في بيان",
            Rule::HeadlineColon => "a line opening with a speaker and a colon (X: …)",
            Rule::QuoteContinuation => {
                "a paragraph inside a quotation opened in an earlier paragraph"
            }
            Rule::ActorForm => "the speaker phrase is a known name, title or variant of an actor",
            Rule::Apposition => {
                "a title followed by a known person's name (وزير الدفاع، ثابت العباسي)"
            }
            Rule::StatementIssuer => {
                "a statement or report (بيان، التقرير) speaks for whoever issued it"
            }
            Rule::DefiniteAnaphora => {
                "a definite noun (الضابط، المصادر) takes up an earlier speaker"
            }
            Rule::PreviousSpeaker => "no subject: the previous speaker goes on (وأضاف…)",
            Rule::SentenceSubject => "no subject: the actor that opens the sentence speaks",
            Rule::NewSpeaker => "a speaker phrase not in the lexicon (a candidate actor)",
            Rule::ActorName => "an actor's name",
            Rule::ActorVariant => "a written form of the actor recorded by the curation",
            Rule::ActorDerived => {
                "a person's family name, or first and family name, from the full name"
            }
            Rule::ActorNested => "an actor named inside a longer actor phrase",
            Rule::WordingExact => "a known wording, after normalization and clitics",
            Rule::WordingStemmed => "a known wording, word by word after light stemming",
            Rule::FigureDigits => "a number written in digits, with its counted noun",
            Rule::FigureWords => "a number written in words (ثلاثة، عشرات، مئات الآلاف)",
            Rule::FigureAfterNoun => "a number word after its definite noun (الأشهر الستة)",
            Rule::EventDate => "a date that falls on the event, in a sentence sharing its words",
            Rule::EventTerms => {
                "a sentence sharing many distinctive words with the event's references"
            }
        }
    }
}

/// Who speaks in an automatic voice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    /// A known actor id.
    Actor(String),
    /// A speaker phrase that names no known actor.
    New(NewSpeaker),
}

impl Speaker {
    pub fn actor(&self) -> Option<&str> {
        match self {
            Speaker::Actor(a) => Some(a),
            Speaker::New(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSpeaker {
    /// The speaker phrase as written.
    pub span: Span,
    /// Its normalized words: the same key for the same phrase anywhere.
    pub key: String,
}

/// An attributed statement found by the rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AutoVoice {
    /// From the verb (or the subject before it, or the attribution) to the end of the statement.
    pub span: Span,
    /// The words that attribute it: verb, participle, attribution phrase or colon.
    pub verb: Span,
    pub speaker: Speaker,
    pub mode: VoiceMode,
    /// What found the statement.
    pub rule: Rule,
    /// What decided its speaker.
    pub speaker_rule: Rule,
}

/// An occurrence of a known actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoMention {
    pub span: Span,
    pub actor: String,
    /// Inside a longer phrase naming another actor (`مكتب رئيس الوزراء`).
    pub nested: bool,
    pub rule: Rule,
}

/// A speaker not in the lexicon, for a curator to add as an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub key: String,
    /// Every place the phrase speaks, first first.
    pub spans: Vec<Span>,
    pub rule: Rule,
}

/// A known wording of a referent found in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoNaming {
    pub span: Span,
    pub referent: String,
    /// The lexicon wording that matched, as written where it was curated.
    pub wording: String,
    pub rule: Rule,
}

/// How a figure is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    Exact,
    /// نحو، حوالي، زهاء، قرابة، ما يقارب
    About,
    /// أكثر من، ما يزيد على
    MoreThan,
    /// أقل من
    LessThan,
    /// ما لا يقل عن
    AtLeast,
}

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Qualifier, number and counted noun.
    pub span: Span,
    /// The number alone.
    pub number: Span,
    /// The value when definite (`2500`, `الاثني عشر` = 12, `2.5 مليون` = 2500000).
    pub value: Option<f64>,
    /// For an indefinite plural, its order of magnitude (`عشرات` = 10, `مئات الآلاف` = 100000).
    pub scale: Option<u64>,
    pub approx: Approx,
    /// The counted noun as written, when found.
    pub noun: Option<Span>,
    pub rule: Rule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A date expression falling on the event's dates.
    Date,
    /// A sentence sharing distinctive words with the event's references.
    Terms,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub span: Span,
    pub kind: EvidenceKind,
}

/// A known event the article seems to report (main) or mention (background).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSuggestion {
    pub event: String,
    pub role: EventRole,
    pub score: f64,
    pub evidence: Vec<Evidence>,
    pub rule: Rule,
}

/// Every automatic layer of one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Auto {
    pub article: String,
    pub voices: Vec<AutoVoice>,
    pub mentions: Vec<AutoMention>,
    pub candidates: Vec<Candidate>,
    pub naming: Vec<AutoNaming>,
    pub figures: Vec<Figure>,
    pub events: Vec<EventSuggestion>,
}

/// Runs every layer on one article. Pure and total: any text gives an answer.
pub fn analyse(article: &Article, lex: &Lexicon) -> Auto {
    let prose = prose::Prose::new(article);
    let mentions = mentions::find_mentions(&prose, lex);
    let found = voices::find_voices(&prose, lex, &mentions);
    Auto {
        article: article.id.clone(),
        candidates: voices::candidates(&found),
        voices: found,
        mentions: mentions.into_iter().map(|m| m.item).collect(),
        naming: mentions::find_naming(&prose, lex),
        figures: figures::find_figures(&prose),
        events: events::suggest_events(&prose, lex),
    }
}

/// A span of `article` from a byte range.
fn span(article: &str, start: usize, end: usize) -> Span {
    Span {
        article: article.to_string(),
        start: start as u32,
        end: end as u32,
    }
}
