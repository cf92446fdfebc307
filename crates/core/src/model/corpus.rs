//! The corpus as the app sees it: outlets, articles with their verbatim text, and the blocks
//! (lines) each text is made of. Built once by [`crate::catalog`] at build time and embedded.

use super::date::DateSpec;
use super::knowledge::{Knowledge, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Content hash of the catalog and every text: changes whenever the corpus does.
    pub version: String,
    pub title_en: String,
    pub title_ar: String,
    pub outlets: Vec<Outlet>,
    /// In catalog order.
    pub articles: Vec<Article>,
    /// Curated events, actors, voices, naming, claims, evaluative language and oddities.
    pub knowledge: Knowledge,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outlet {
    pub id: String,
    pub name_ar: String,
    pub name_en: String,
    pub city_ar: Option<String>,
    pub city_en: Option<String>,
    pub language: String,
    pub note_en: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    /// File name inside `seeds/`.
    pub file: String,
    /// Id of an [`Outlet`].
    pub outlet: String,
    pub published: DateSpec,
    /// How the publication date is known.
    pub date_note_en: String,
    /// The whole text, byte for byte as in `seeds/`.
    pub text: String,
    /// Every non-blank line of `text`, in order.
    pub blocks: Vec<Block>,
    /// A title supplied by the catalog when the text has no headline line.
    pub supplied_title_ar: Option<String>,
    /// English gloss of the headline (or of the supplied title).
    pub title_en: Option<String>,
    pub note_en: Option<String>,
    /// Neutral two-to-three-sentence English summary.
    pub summary_en: Option<String>,
    /// Words in content blocks (artifacts excluded).
    pub word_count: usize,
}

/// One non-blank line of an article, as a byte range into [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// 1-based line number in the seed file.
    pub line: u32,
    pub start: u32,
    pub end: u32,
    /// 1-based paragraph number, for [`BlockKind::Paragraph`] only.
    pub number: Option<u32>,
}

/// What a line of a seed text is. Everything but the artifacts is content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Headline,
    Subtitle,
    Dateline,
    Subheading,
    Caption,
    Paragraph,
    /// Scraper placeholder such as `[ad_1]`.
    AdMarker,
    /// A dangling «المصدر» ("source") label left by a scraper.
    SourceLabel,
    /// A related-article link embedded in the body.
    RelatedLink,
    /// The headline repeated by the page template.
    DuplicateHeadline,
}

impl BlockKind {
    pub const ALL: [BlockKind; 10] = [
        BlockKind::Headline,
        BlockKind::Subtitle,
        BlockKind::Dateline,
        BlockKind::Subheading,
        BlockKind::Caption,
        BlockKind::Paragraph,
        BlockKind::AdMarker,
        BlockKind::SourceLabel,
        BlockKind::RelatedLink,
        BlockKind::DuplicateHeadline,
    ];

    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Headline => "headline",
            BlockKind::Subtitle => "subtitle",
            BlockKind::Dateline => "dateline",
            BlockKind::Subheading => "subheading",
            BlockKind::Caption => "caption",
            BlockKind::Paragraph => "paragraph",
            BlockKind::AdMarker => "ad_marker",
            BlockKind::SourceLabel => "source_label",
            BlockKind::RelatedLink => "related_link",
            BlockKind::DuplicateHeadline => "duplicate_headline",
        }
    }

    pub fn from_name(s: &str) -> Option<BlockKind> {
        BlockKind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// Scraper or template residue rather than the outlet's own words.
    pub fn is_artifact(self) -> bool {
        matches!(
            self,
            BlockKind::AdMarker
                | BlockKind::SourceLabel
                | BlockKind::RelatedLink
                | BlockKind::DuplicateHeadline
        )
    }
}

impl Corpus {
    pub fn outlet(&self, id: &str) -> Option<&Outlet> {
        self.outlets.iter().find(|o| o.id == id)
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The verbatim words a span points at (empty if the span does not fit its article).
    pub fn span_text(&self, s: &Span) -> &str {
        self.article(&s.article)
            .and_then(|a| a.text.get(s.start as usize..s.end as usize))
            .unwrap_or("")
    }

    /// The block (line) a span lies in.
    pub fn block_of(&self, s: &Span) -> Option<&Block> {
        self.article(&s.article)?
            .blocks
            .iter()
            .find(|b| b.start <= s.start && s.end <= b.end)
    }

    /// Decodes the JSON written by the build step.
    pub fn from_json(json: &str) -> Result<Corpus, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    /// Deterministic JSON (field order fixed by the types, lists in catalog order).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the corpus model always serialises")
    }
}

impl Article {
    pub fn block_text(&self, b: &Block) -> &str {
        &self.text[b.start as usize..b.end as usize]
    }

    /// The text's own headline line, if it has one.
    pub fn headline(&self) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Headline)
            .map(|b| self.block_text(b))
    }

    /// The headline if the text has one, else the catalog's supplied title.
    pub fn display_title_ar(&self) -> &str {
        self.headline()
            .or(self.supplied_title_ar.as_deref())
            .unwrap_or(self.id.as_str())
    }

    pub fn paragraph_count(&self) -> usize {
        self.blocks.iter().filter(|b| b.number.is_some()).count()
    }
}

/// Counts words: maximal runs of letters, combining marks and digits. Punctuation, spaces and
/// symbols separate words; a tatweel or a mark inside a word does not split it.
pub fn count_words(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let wordy = c.is_alphanumeric() || is_mark(c) || c == '\u{0640}';
        if wordy && !in_word {
            n += 1;
        }
        in_word = wordy;
    }
    n
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{200C}' | '\u{200D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_count_arabic_latin_and_digits() {
        assert_eq!(count_words("أربيل (كوردستان24)- أعلنت"), 3);
        assert_eq!(count_words("اللجنة العسكریة العلیا (HMC)"), 4);
        assert_eq!(count_words("نحو 2500 جندي"), 3);
        assert_eq!(
            count_words("رحّب"),
            1,
            "a shadda inside a word does not split it"
        );
        assert_eq!(count_words(" – … "), 0);
    }
}
