//! The articles a compare view draws, provided by the view that loaded them, and readable names
//! for the item keys of its facet rows: what the event columns and the lenses share.

use crate::widgets::tr;
use leptos::prelude::*;
use marsad_core::Corpus;
use marsad_core::analysis::compare::Facet as Row;
use marsad_core::model::{category_labels, technique_ar};
use marsad_core::view::i18n::Lang;

/// The articles a compare view shows, with their knowledge and every definition (for lookups
/// inside the view's components).
#[derive(Clone, Copy)]
pub(super) struct Slice(pub(super) &'static Corpus);

pub(super) fn corpus() -> &'static Corpus {
    expect_context::<Slice>().0
}

/// A readable name for an item key of a facet row.
pub(super) fn key_label(lang: Lang, r: Row, key: &str) -> String {
    let k = &corpus().knowledge;
    match r {
        Row::Voices => {
            let (en, ar) = category_labels(key);
            tr(lang, ar, en).to_string()
        }
        Row::Naming => k
            .referent(key)
            .map(|x| {
                if lang == Lang::Ar {
                    x.title_ar.clone()
                } else {
                    x.title_en.clone()
                }
            })
            .unwrap_or_default(),
        Row::Claims => k.claim(key).map(|c| c.title_en.clone()).unwrap_or_default(),
        Row::Evaluative => {
            if lang == Lang::Ar {
                technique_ar(key).to_string()
            } else {
                key.replace('_', " ")
            }
        }
        Row::Background => k
            .event(key)
            .map(|e| {
                if lang == Lang::Ar {
                    e.title_ar.clone()
                } else {
                    e.title_en.clone()
                }
            })
            .unwrap_or_default(),
        Row::Happened => match key {
            "main" => tr(lang, "خبر رئيسي", "as its news").to_string(),
            _ => tr(lang, "كخلفية", "as background").to_string(),
        },
        Row::Headline | Row::Lead => String::new(),
    }
}
