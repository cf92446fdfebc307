//! The knowledge files as written (`seeds/knowledge/*.toml`), before validation.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSpan {
    pub(crate) article: Spanned<String>,
    pub(crate) text: Spanned<String>,
    pub(crate) occurrence: Option<Spanned<usize>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNone {
    pub(crate) article: Spanned<String>,
    pub(crate) reason_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvents {
    #[serde(default)]
    pub(crate) event: Vec<RawEvent>,
    #[serde(default)]
    pub(crate) none: Vec<RawNone>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    pub(crate) id: Spanned<String>,
    pub(crate) date: Spanned<String>,
    pub(crate) precision: Spanned<String>,
    #[serde(default)]
    pub(crate) approximate: bool,
    pub(crate) title_en: String,
    pub(crate) title_ar: String,
    pub(crate) note_en: Option<String>,
    pub(crate) refs: Vec<RawEventRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEventRef {
    pub(crate) article: Spanned<String>,
    pub(crate) role: Spanned<String>,
    pub(crate) text: Spanned<String>,
    pub(crate) occurrence: Option<Spanned<usize>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawActors {
    #[serde(default)]
    pub(crate) actor: Vec<RawActor>,
    #[serde(default)]
    pub(crate) none: Vec<RawNone>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawActor {
    pub(crate) id: Spanned<String>,
    pub(crate) name_en: String,
    pub(crate) name_ar: String,
    pub(crate) category: Spanned<String>,
    pub(crate) role_en: Option<String>,
    #[serde(default)]
    pub(crate) variants: Vec<RawSpan>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVoices {
    #[serde(default)]
    pub(crate) voice: Vec<RawVoice>,
    #[serde(default)]
    pub(crate) none: Vec<RawNone>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVoice {
    pub(crate) speaker: Spanned<String>,
    pub(crate) verb: Spanned<String>,
    pub(crate) mode: Spanned<String>,
    pub(crate) span: RawSpan,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNaming {
    #[serde(default)]
    pub(crate) referent: Vec<RawReferent>,
    #[serde(default)]
    pub(crate) none: Vec<RawNone>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReferent {
    pub(crate) id: Spanned<String>,
    pub(crate) title_en: String,
    pub(crate) title_ar: String,
    #[serde(default)]
    pub(crate) names: Vec<RawSpan>,
    #[serde(default)]
    pub(crate) absent: Vec<RawNone>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClaims {
    #[serde(default)]
    pub(crate) claim: Vec<RawClaim>,
    #[serde(default)]
    pub(crate) none: Vec<RawNone>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClaim {
    pub(crate) id: Spanned<String>,
    pub(crate) kind: Spanned<String>,
    pub(crate) title_en: String,
    #[serde(default)]
    pub(crate) states: Vec<RawSpan>,
    #[serde(default)]
    pub(crate) contradicts: Vec<RawContradiction>,
    pub(crate) note_en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawContradiction {
    pub(crate) article: Spanned<String>,
    pub(crate) text: Spanned<String>,
    pub(crate) occurrence: Option<Spanned<usize>>,
    pub(crate) note_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvaluative {
    #[serde(default)]
    pub(crate) technique: Vec<RawTechnique>,
    #[serde(default)]
    pub(crate) frames: Vec<RawFrames>,
    #[serde(default)]
    pub(crate) none: Vec<RawNone>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTechnique {
    pub(crate) label: Spanned<String>,
    pub(crate) span: RawSpan,
    pub(crate) rationale_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFrames {
    pub(crate) article: Spanned<String>,
    pub(crate) paragraphs: Spanned<BTreeMap<String, Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOddities {
    #[serde(default)]
    pub(crate) oddity: Vec<RawOddity>,
    #[serde(default)]
    pub(crate) none: Vec<RawNone>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOddity {
    pub(crate) span: RawSpan,
    pub(crate) note_en: String,
}
