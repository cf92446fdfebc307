//! Every rule on invented Arabic news sentences (none is taken from the seed articles), with a
//! small hand-made lexicon: `voices` for the voice rules, `layers` for mentions, naming,
//! figures, events and the rule names.

mod layers;
mod voices;

use super::*;
use crate::model::date::{Date, DateSpec, Precision};
use crate::model::{Block, BlockKind};

pub(super) fn day(s: &str) -> DateSpec {
    let d = Date::parse_iso(s).unwrap();
    DateSpec::new(d, d, Precision::Day, false).unwrap()
}

/// An article of one paragraph per line.
pub(super) fn article_on(id: &str, published: &str, text: &str) -> Article {
    let mut blocks = Vec::new();
    let mut start = 0;
    for (n, line) in text.split('\n').enumerate() {
        if !line.trim().is_empty() {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                line: n as u32 + 1,
                start: start as u32,
                end: (start + line.len()) as u32,
                number: Some(blocks.len() as u32 + 1),
            });
        }
        start += line.len() + 1;
    }
    Article {
        id: id.to_string(),
        file: format!("{id}.txt"),
        outlet: "test".to_string(),
        published: day(published),
        date_note_en: String::new(),
        text: text.to_string(),
        blocks,
        supplied_title_ar: None,
        title_en: None,
        note_en: None,
        summary_en: None,
        word_count: 0,
    }
}

pub(super) fn article(text: &str) -> Article {
    article_on("a1", "2024-03-10", text)
}

pub(super) fn form(text: &str) -> LexForm {
    LexForm {
        text: text.to_string(),
        origin: FormOrigin::Variant,
        scope: Scope::Global,
        curated_in: Vec::new(),
    }
}

pub(super) fn actor(id: &str, person: bool, forms: &[&str]) -> LexActor {
    LexActor {
        id: id.to_string(),
        category: "other".to_string(),
        person,
        forms: forms.iter().map(|f| form(f)).collect(),
    }
}

pub(super) fn lexicon() -> Lexicon {
    let mut office = actor("pm-office", false, &["مكتب رئيس الوزراء"]);
    office.forms[0].origin = FormOrigin::Name;
    let mut report = form("التقرير");
    report.scope = Scope::Articles(vec!["a1".to_string()]);
    Lexicon::new(
        vec![
            actor("fm", true, &["فؤاد حسين", "وزير الخارجية"]),
            actor("speaker", true, &["هيثم الجبوري", "رئيس البرلمان"]),
            actor("interior", false, &["وزارة الداخلية"]),
            actor("pm", true, &["رئيس الوزراء", "السوداني"]),
            office,
            actor("minister-a", true, &["وزير الدفاع", "ثابت العباسي"]),
            actor("minister-b", true, &["وزير الدفاع", "لويد أوستن"]),
            actor("spokesman", true, &["سعد معن"]),
            actor("oil-minister", true, &["وزير النفط"]),
            actor("macron", true, &["ماكرون"]),
            actor("scholz", true, &["شولتس"]),
            actor("agency", false, &["رويترز"]),
            LexActor {
                forms: vec![report],
                ..actor("daily", false, &[])
            },
        ],
        vec![LexReferent {
            id: "withdrawal".to_string(),
            wordings: vec![form("انسحاب القوات الأجنبية"), form("الجدول الزمني")],
        }],
        vec![LexEvent {
            id: "ankara-visit".to_string(),
            date: day("2024-03-10"),
            title_ar: "زيارة الرئيس إلى أنقرة".to_string(),
            prototypes: vec![
                lexicon::event_terms("زيارة الرئيس إلى أنقرة"),
                lexicon::event_terms("وصل الرئيس إلى أنقرة في زيارة رسمية يلتقي خلالها نظيره"),
            ],
        }],
    )
}
