//! Speech verbs of Arabic news prose and their participles, and the small words around them
//! (clause openers, relatives, complementizers, attribution phrases), all in normalized form
//! (no hamza seats, `ة` → `ه`, `ى` → `ي`).

use super::matcher::chars;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a speech verb needs around it to count as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// Nothing more (قال، أكد، أوضح…).
    Nothing,
    /// An explicit subject: the verb has other common senses (`عبر` = via, `توقع`, `نشر`).
    Subject,
    /// A complement (`أن`, a colon, a quotation): `بين` = between, `تابع` = followed.
    Complement,
    /// A subject or a complement (`ذكر`).
    Either,
}

/// `(past 3rd masc. sing., present stem or "", participle stem or "", need)`.
const VERBS: &[(&str, &str, &str, Need)] = &[
    ("قال", "قول", "قايل", Need::Nothing),
    ("اكد", "وكد", "موكد", Need::Nothing),
    ("اوضح", "وضح", "موضح", Need::Nothing),
    ("اشار", "شير", "مشير", Need::Nothing),
    ("اضاف", "ضيف", "مضيف", Need::Nothing),
    ("ذكر", "", "", Need::Either),
    ("اعلن", "علن", "معلن", Need::Nothing),
    ("كشف", "كشف", "كاشف", Need::Nothing),
    ("تابع", "", "", Need::Complement),
    ("لفت", "لفت", "لافت", Need::Nothing),
    ("بين", "بين", "مبين", Need::Complement),
    ("شدد", "شدد", "مشدد", Need::Nothing),
    ("اعتبر", "عتبر", "معتبر", Need::Nothing),
    ("نقل", "نقل", "", Need::Subject),
    ("صرح", "صرح", "مصرح", Need::Nothing),
    ("افاد", "فيد", "", Need::Nothing),
    ("راي", "ري", "", Need::Complement),
    ("دعا", "دعو", "داعي", Need::Nothing),
    ("طالب", "طالب", "مطالب", Need::Nothing),
    ("نفي", "نفي", "نافي", Need::Nothing),
    ("حذر", "حذر", "محذر", Need::Nothing),
    ("وصف", "صف", "واصف", Need::Subject),
    ("تحدث", "تحدث", "متحدث", Need::Nothing),
    ("اعترف", "عترف", "معترف", Need::Nothing),
    ("اعرب", "عرب", "معرب", Need::Nothing),
    ("عبر", "عبر", "معبر", Need::Subject),
    ("ابدي", "بدي", "مبدي", Need::Nothing),
    ("نوه", "نوه", "منوه", Need::Nothing),
    ("اشاد", "شيد", "مشيد", Need::Nothing),
    ("رحب", "رحب", "مرحب", Need::Nothing),
    ("تعهد", "تعهد", "متعهد", Need::Nothing),
    ("كرر", "كرر", "", Need::Nothing),
    ("اقر", "قر", "", Need::Nothing),
    ("اردف", "ردف", "مردف", Need::Nothing),
    ("ختم", "ختم", "", Need::Complement),
    ("اختتم", "ختتم", "", Need::Complement),
    ("استطرد", "ستطرد", "مستطرد", Need::Nothing),
    ("زعم", "زعم", "زاعم", Need::Nothing),
    ("ادعي", "دعي", "مدعي", Need::Nothing),
    ("ابلغ", "بلغ", "", Need::Either),
    ("اتهم", "تهم", "متهم", Need::Nothing),
    ("انتقد", "نتقد", "منتقد", Need::Nothing),
    ("حث", "حث", "", Need::Nothing),
    ("ناشد", "ناشد", "مناشد", Need::Nothing),
    ("هدد", "هدد", "مهدد", Need::Nothing),
    ("توقع", "توقع", "", Need::Subject),
    ("نشر", "", "", Need::Subject),
    ("جدد", "جدد", "", Need::Subject),
    ("اجاب", "جيب", "مجيب", Need::Nothing),
    ("استبعد", "ستبعد", "مستبعد", Need::Nothing),
    ("رجح", "رجح", "مرجح", Need::Nothing),
    ("سلط", "", "مسلط", Need::Subject),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Past,
    Present,
    /// A participle with the accusative `-ا` (`مؤكداً`): adverbial, rarely a noun.
    ParticipleA,
    /// Any other participle ending (`مؤكدة`, `مؤكدين`): also a noun, so only after a comma.
    Participle,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct VerbForm {
    pub need: Need,
    pub form: Form,
    /// With an object pronoun (`اعتبرها`, `نشرته`): needs an explicit subject.
    pub object: bool,
}

fn table() -> &'static HashMap<String, VerbForm> {
    static T: OnceLock<HashMap<String, VerbForm>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for &(past, pres, part, need) in VERBS {
            let mut add = |w: String, form: Form, object: bool| {
                m.entry(w).or_insert(VerbForm { need, form, object });
            };
            // Past: 3rd person, all numbers and genders; weak final letters drop before -ت/-وا.
            let mut stems = vec![past.to_string()];
            if let Some(s) = past.strip_suffix(['ا', 'ي']) {
                stems.push(s.to_string());
            }
            for s in &stems {
                for suf in ["", "ت", "وا", "ا", "تا"] {
                    if s.as_str() != past && suf.is_empty() {
                        continue;
                    }
                    add(format!("{s}{suf}"), Form::Past, false);
                }
                for obj in ["ه", "ها", "هم"] {
                    add(format!("{s}{obj}"), Form::Past, true);
                    add(format!("{s}ت{obj}"), Form::Past, true);
                }
            }
            if !pres.is_empty() {
                for pre in ["ي", "ت"] {
                    for suf in ["", "ون", "ان"] {
                        add(format!("{pre}{pres}{suf}"), Form::Present, false);
                    }
                }
            }
            if !part.is_empty() {
                add(format!("{part}ا"), Form::ParticipleA, false);
                for suf in ["ه", "ين", "ون", "ان", "تين", "تان"] {
                    add(format!("{part}{suf}"), Form::Participle, false);
                }
            }
        }
        // A hollow or doubled past keeps its letters; a few common irregular forms.
        for (w, need) in [
            ("دعت", Need::Nothing),
            ("دعوا", Need::Nothing),
            ("رات", Need::Complement),
            ("راوا", Need::Complement),
        ] {
            let form = Form::Past;
            m.insert(
                w.to_string(),
                VerbForm {
                    need,
                    form,
                    object: false,
                },
            );
        }
        m
    })
}

/// The speech verb a token is, with or without a leading `و`/`ف`.
pub(crate) fn speech_verb(w: &str) -> Option<VerbForm> {
    let t = table();
    if let Some(v) = t.get(w) {
        return Some(*v);
    }
    let r = w.strip_prefix(['و', 'ف'])?;
    if chars(r) < 2 {
        return None;
    }
    t.get(r).copied()
}

/// Whether the token has a conjunction prefix in front of a speech verb (`وقال`, `فأكد`).
pub(crate) fn has_conjunction(w: &str) -> bool {
    !table().contains_key(w) && speech_verb(w).is_some()
}

/// Words that open a clause before a verb.
#[rustfmt::skip]
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "قد", "وقد", "فقد", "كما", "وكما", "فيما", "بينما", "وبينما", "حيث", "ثم", "لكن", "ولكن",
    "كذلك", "وكذلك", "بدوره", "بدورها", "بدورهم", "اذ", "عندما", "وعندما", "حين", "بعدما", "كان",
    "وكان", "ايضا", "بل", "لذا", "ولذا",
];

/// Words before a verb that make it a relative clause (`التي اعتبرها كثيرون`): only a voice with
/// an explicit subject after the verb.
#[rustfmt::skip]
pub(crate) const RELATIVES: &[&str] = &[
    "الذي", "التي", "الذين", "اللذين", "اللتين", "ما", "مما", "لما", "بما", "عما", "والتي",
    "والذي", "والذين",
];

/// Complementizers that open reported content.
#[rustfmt::skip]
pub(crate) const COMPLEMENTIZERS: &[&str] = &[
    "ان", "انه", "انها", "انهم", "انهما", "انني", "اننا", "بان", "بانه", "بانها", "بانهم", "فان",
    "لان", "وان", "انّ",
];

/// Words skipped between a verb and its subject: adverbs and times.
#[rustfmt::skip]
pub(crate) const SKIP_AFTER_VERB: &[&str] = &[
    "اليوم", "امس", "مساء", "صباح", "ايضا", "كذلك", "بدوره", "بدورها", "رسميا", "مجددا", "سابقا",
    "اخيرا", "الاحد", "الاثنين", "الثلاثا", "الاربعا", "الخميس", "الجمعه", "السبت", "يوم",
    "الماضي", "امس", "مرارا", "وتكرارا", "صراحه", "بوضوح",
];

/// Attribution phrases: the first word, and the word that must follow it (or "").
pub(crate) const ATTRIBUTIONS: &[(&str, &str)] = &[
    ("بحسب", ""),
    ("حسب", ""),
    ("وفقا", ""),
    ("وفق", ""),
    ("طبقا", ""),
    ("نقلا", "عن"),
    ("استنادا", ""),
];
