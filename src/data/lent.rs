//! Loaded files lent out for the whole session: an article's text, its notes, and a corpus of
//! several articles, each interned once, so that views hold plain references.

use super::store;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The loaded library keeps every file for the whole session, so a loaded article can be lent
/// out for the session too: views then hold plain references instead of counting them. Each
/// file is interned once.
static TEXTS: OnceLock<Mutex<BTreeMap<u32, &'static marsad_core::Article>>> = OnceLock::new();
static NOTES: OnceLock<Mutex<BTreeMap<u32, &'static marsad_core::bundle::Notes>>> = OnceLock::new();
static SLICES: OnceLock<Mutex<BTreeMap<Vec<u32>, &'static marsad_core::Corpus>>> = OnceLock::new();

fn intern<K: Ord + Clone, T: ?Sized>(
    cell: &'static OnceLock<Mutex<BTreeMap<K, &'static T>>>,
    key: K,
    make: impl FnOnce() -> Option<&'static T>,
) -> Option<&'static T> {
    let map = cell.get_or_init(|| Mutex::new(BTreeMap::new()));
    let mut m = map.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(v) = m.get(&key) {
        return Some(*v);
    }
    let v = make()?;
    m.insert(key, v);
    Some(v)
}

/// Forgets what was lent out for article numbers from `first` on (imported articles, whose
/// numbers change when the set does), every article's notes (a bundle article's include the
/// text it shares with imported ones), and every slice.
pub(super) fn forget_from(first: u32) {
    if let Some(m) = TEXTS.get() {
        m.lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|k, _| *k < first);
    }
    if let Some(m) = NOTES.get() {
        m.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
    if let Some(m) = SLICES.get() {
        m.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// Article `i`'s text, once loaded (tracked).
pub fn text(i: u32) -> Option<&'static marsad_core::Article> {
    let lib = store().lib();
    intern(&TEXTS, i, || {
        let a: &'static Arc<marsad_core::Article> = Box::leak(Box::new(lib.text(i)?));
        Some(&**a)
    })
}

/// Article `i`'s knowledge and marks, once loaded (tracked).
pub fn notes(i: u32) -> Option<&'static marsad_core::bundle::Notes> {
    let lib = store().lib();
    intern(&NOTES, i, || {
        let n: &'static Arc<marsad_core::bundle::Notes> = Box::leak(Box::new(lib.notes(i)?));
        Some(&**n)
    })
}

/// A corpus of these articles (texts, knowledge, every definition), once all their files are
/// loaded (tracked). Interned by the set of articles.
pub fn slice(articles: &[u32]) -> Option<&'static marsad_core::Corpus> {
    let lib = store().lib();
    intern(&SLICES, articles.to_vec(), || {
        Some(Box::leak(Box::new(lib.corpus_of(articles)?)))
    })
}
