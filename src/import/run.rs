//! Analysing, storing and restoring imported articles: the analyser analyses them against the
//! bundle, the page shows the result in every view and keeps it, with the articles, on the
//! device; a later visit uses the kept analysis when it is for this bundle and these articles.

use super::{records, title_of, tr};
use crate::analyser::ask;
use crate::data::store;
use crate::device;
use crate::split::split_point;
use leptos::prelude::*;
use marsad_core::bundle::FileId;
use marsad_core::bundle::analyser::{Reply, Request, Saved, decode, decode_imported, encode};
use marsad_core::bundle::import::{Place, Row};
use marsad_core::bundle::imported::{Imported, Record, accept, id_of};
use marsad_core::view::i18n::Lang;
use std::collections::HashMap;
use std::sync::Arc;

/// An analysis as the analyser gave it: the imported articles, their encoded form (kept on the
/// device as it came), and the records left out because their text is a bundle article's.
struct Analysed {
    imported: Imported,
    bytes: Vec<u8>,
    in_bundle: Vec<(String, String)>,
}

/// Has the analyser analyse `all` against every article of the bundle, reporting
/// `(done, total)` to `progress`.
async fn analyse(
    all: Vec<Record>,
    progress: Option<RwSignal<Option<(usize, usize)>>>,
) -> Result<Analysed, String> {
    let s = store();
    // The summary first, then every file of the bundle's articles.
    let mut files = s
        .raw([vec![FileId::Summary], s.lib_untracked().bundle_files()].concat())
        .await?;
    let summary = files.remove(0).1;
    let request = Request::Analyse {
        summary,
        files,
        records: all,
    };
    let reply = ask(request, |done, total| {
        if let Some(p) = progress {
            p.set(Some((done, total)));
        }
    })
    .await?;
    match reply {
        Reply::Analysed {
            imported,
            in_bundle,
        } => Ok(Analysed {
            imported: decode_imported(&imported)?,
            bytes: imported,
            in_bundle,
        }),
        _ => Err("the analyser answered another question".into()),
    }
}

/// Shows an analysis in every view, and keeps it on the device for the next visit (a failure
/// to keep it only means analysing again next time).
async fn adopt(a: Analysed) {
    let version = store().lib_untracked().summary().version.clone();
    let recs = a.imported.records.clone();
    let saved = Saved {
        version,
        ids: recs.iter().map(|r| r.id.clone()).collect(),
        imported: a.bytes,
    };
    if let Err(e) = device::save_analysis(&encode(&saved)).await {
        web_sys::console::warn_1(&e.into());
    }
    store().set_imported((!recs.is_empty()).then(|| Arc::new(a.imported)));
    records().set(recs);
}

/// The analysis kept on the device, if it was made for this bundle and exactly these records.
async fn saved_for(recs: &[Record]) -> Option<Imported> {
    let bytes = device::load_analysis().await.ok()??;
    let saved: Saved = decode(&bytes, "the kept analysis").ok()?;
    let version = store().lib_untracked().summary().version.clone();
    saved.for_records(&version, recs)?.ok()
}

/// Reads what this device stores and adds it to the library; call before the views are drawn
/// (a link naming an imported article must find it). The analysis kept with the articles is
/// used when it is for this bundle and these articles; otherwise they are analysed again.
/// Problems are returned as text. On a device with no imported article, nothing more than the
/// empty store is read: in the release build, the code that reads and analyses records is in a
/// module of its own (see `crate::split`), fetched only when there are some.
pub async fn restore() -> Option<String> {
    let stored = match device::stored().await {
        Ok(v) => v,
        Err(e) => return Some(e),
    };
    if stored.is_empty() {
        return None;
    }
    #[cfg(marsad_split)]
    let restoring = restore_stored(stored).await;
    #[cfg(not(marsad_split))]
    let restoring = restore_stored(stored);
    match restoring {
        Ok(r) => r.await,
        Err(e) => Some(format!(
            "the code that restores the articles imported on this device could not be fetched ({e:?})"
        )),
    }
}

/// What [`restore_stored`] gives: the restoring, to await.
type Restoring = std::pin::Pin<Box<dyn std::future::Future<Output = Option<String>>>>;

split_point!(
    restore,
    preload_restore,
    fn restore_stored(
        stored: Vec<wasm_bindgen::JsValue>,
    ) -> Result<Restoring, leptos::wasm_split::SplitLoaderError> {
        Ok(Box::pin(restore_records(stored)))
    }
);

async fn restore_records(stored: Vec<wasm_bindgen::JsValue>) -> Option<String> {
    let (recs, bad) = device::read(stored);
    let mut note = (!bad.is_empty()).then(|| bad.join("; "));
    if recs.is_empty() {
        return note;
    }
    if let Some(imp) = saved_for(&recs).await {
        records().set(imp.records.clone());
        store().set_imported(Some(Arc::new(imp)));
        return note;
    }
    match analyse(recs, None).await {
        Ok(a) => adopt(a).await,
        Err(e) => note = Some(e),
    }
    note
}

/// Checks, analyses and stores `rows` with what the device already has; returns the lines to
/// show and whether anything was imported. Nothing changes unless everything succeeded.
pub(super) async fn import(
    rows: Vec<Row>,
    progress: RwSignal<Option<(usize, usize)>>,
    l: Lang,
) -> (Vec<String>, bool) {
    let existing = records().get_untracked();
    // Texts already imported; the analyser finds those that are the bundle's own articles.
    let known: HashMap<String, String> = existing
        .iter()
        .map(|r| {
            let what = tr(l, "مستورد سابقًا", "imported earlier");
            (r.id.clone(), format!("{} ({what})", title_of(r)))
        })
        .collect();
    let places: HashMap<String, Place> = rows
        .iter()
        .map(|r| (id_of(&r.text), r.place.clone()))
        .collect();
    let acc = accept(rows, &known);
    let mut lines = Vec::new();
    let mut ok = acc.records.is_empty();
    if !acc.records.is_empty() {
        let mut all = existing.clone();
        all.extend(acc.records.iter().cloned());
        match analyse(all, Some(progress)).await {
            Err(e) => lines.push(e),
            Ok(a) => {
                let left_out: HashMap<&str, &str> = a
                    .in_bundle
                    .iter()
                    .map(|(r, of)| (r.as_str(), of.as_str()))
                    .collect();
                let new: Vec<Record> = acc
                    .records
                    .iter()
                    .filter(|r| !left_out.contains_key(r.id.as_str()))
                    .cloned()
                    .collect();
                for r in &acc.records {
                    if let (Some(of), Some(place)) =
                        (left_out.get(r.id.as_str()), places.get(&r.id))
                    {
                        lines.push(tr(
                            l,
                            &format!("{place}: مكرر، النص نفسه في المقال {of}"),
                            &format!("{place}: duplicate, the same text as article {of}"),
                        ));
                    }
                }
                match device::put(&new).await {
                    Err(e) => lines.insert(0, e),
                    Ok(()) => {
                        let n = new.len();
                        adopt(a).await;
                        ok = true;
                        lines.insert(
                            0,
                            tr(
                                l,
                                &format!("استُورد {n} مقال."),
                                &format!("{n} article(s) imported."),
                            ),
                        );
                    }
                }
            }
        }
    }
    for (place, of) in &acc.duplicates {
        lines.push(tr(
            l,
            &format!("{place}: مكرر، النص نفسه في {of}"),
            &format!("{place}: duplicate, the same text as {of}"),
        ));
    }
    for b in &acc.bad {
        lines.push(b.to_string());
    }
    (lines, ok)
}

pub(super) fn remove_one(
    id: String,
    progress: RwSignal<Option<(usize, usize)>>,
    summary: RwSignal<Vec<String>>,
    l: Lang,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let rest: Vec<Record> = records()
            .get_untracked()
            .into_iter()
            .filter(|r| r.id != id)
            .collect();
        let next = if rest.is_empty() {
            Ok(None)
        } else {
            analyse(rest, Some(progress)).await.map(Some)
        };
        progress.set(None);
        let done = match next {
            Err(e) => Err(e),
            Ok(a) => device::remove(Some(std::slice::from_ref(&id)))
                .await
                .map(|()| a),
        };
        match done {
            Ok(a) => {
                match a {
                    Some(a) => adopt(a).await,
                    None => {
                        store().set_imported(None);
                        records().set(Vec::new());
                    }
                }
                summary.set(vec![tr(l, "أُزيل المقال.", "The article was removed.")]);
            }
            Err(e) => summary.set(vec![e]),
        }
    });
}
