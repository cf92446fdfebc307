//! "Add articles": importing one's own articles into the page. Files (`.txt`, CSV, JSON Lines)
//! dropped or picked, or pasted text; a short form per text, pre-filled from the text; the
//! analyser (a Web Worker: [`crate::analyser`]) reads the files and analyses the articles with
//! a progress bar while the page keeps answering; `device` keeps them, and their analysis, in
//! IndexedDB. Nothing is sent anywhere.
//!
//! - this module: the panel and what it holds;
//! - [`forms`]: files read for the form (by the analyser), the form of each text, its rows;
//! - [`run`]: analysing, storing and restoring the articles, and removing them.

mod forms;
mod run;

pub use run::restore;

use crate::data::store;
use crate::device;
use crate::split::{Loaded, lazy_view, split_point};
use crate::state::use_url_state;
use forms::{Forms, form_rows, read_files, read_one};
use leptos::prelude::*;
use marsad_core::bundle::import::{Place, Row};
use marsad_core::bundle::imported::Record;
use marsad_core::view::i18n::Lang;
use run::{import, remove_one};
use wasm_bindgen::JsCast;

/// A string in the interface language.
pub(crate) fn tr(lang: Lang, ar: &str, en: &str) -> String {
    match lang {
        Lang::Ar => ar.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A plain text waiting for its form.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    name: String,
    text: String,
    headline: String,
    outlet: String,
    date: String,
}

/// What the panel holds before "Import": texts with their forms, rows read from tables, and
/// the messages of files refused or rows skipped.
#[derive(Clone, Debug, Default)]
struct Draft {
    texts: Vec<Pending>,
    rows: Vec<(String, usize)>,
    table_rows: Vec<RowKeep>,
    problems: Vec<String>,
}

/// A row read from a table (kept as its record: rows are not `Clone`-free of places).
#[derive(Clone, Debug)]
struct RowKeep(Record, Place);

/// Articles stored on this device, as read at start (or after a change). Reference-counted, not
/// owned by a component: it outlives the views that show it.
static RECORDS: std::sync::OnceLock<ArcRwSignal<Vec<Record>>> = std::sync::OnceLock::new();

pub(crate) fn records() -> ArcRwSignal<Vec<Record>> {
    RECORDS.get_or_init(|| ArcRwSignal::new(Vec::new())).clone()
}

/// A record's title as the library shows it.
pub(crate) fn title_of(r: &Record) -> String {
    r.title.clone().unwrap_or_else(|| {
        r.text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .chars()
            .take(80)
            .collect()
    })
}

/// The panel's state, kept by [`AddArticles`] while the panel (lazily loaded) comes and goes.
#[derive(Clone, Copy)]
pub struct Panel {
    lang: Memo<Lang>,
    draft: RwSignal<Draft>,
    paste: RwSignal<String>,
    pasted: StoredValue<usize>,
    progress: RwSignal<Option<(usize, usize)>>,
    summary: RwSignal<Vec<String>>,
    busy: RwSignal<bool>,
    recs: RwSignal<Vec<Record>>,
}

#[component]
pub fn AddArticles() -> impl IntoView {
    let us = use_url_state();
    let lang = us.lang;
    let open = RwSignal::new(false);
    let recs = RwSignal::from(records());
    let p = Panel {
        lang,
        draft: RwSignal::new(Draft::default()),
        paste: RwSignal::new(String::new()),
        pasted: StoredValue::new(0usize),
        progress: RwSignal::new(None),
        summary: RwSignal::new(Vec::new()),
        busy: RwSignal::new(false),
        recs,
    };
    view! {
        <section class="import" data-testid="import">
            <button type="button" class="import-toggle" data-testid="import-toggle" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || tr(lang.get(), "أضف مقالاتك", "Add articles")}
                {move || { let n = recs.get().len(); (n > 0).then(|| format!(" ({n})")) }}
            </button>
            <Show when=move || open.get()>
                {move || lazy_view!(import_panel(p), preload_import)}
            </Show>
        </section>
    }
}

// The panel itself: in the release build, in a wasm module of its own (see `crate::split`).
split_point!(
    import,
    preload_import,
    fn import_panel(p: Panel) -> Loaded {
        let Panel {
            lang,
            draft,
            paste,
            pasted,
            progress,
            summary,
            busy,
            recs,
        } = p;

        // The files are taken out of the list at once: clearing the input empties it.
        let take_files = move |list: Option<web_sys::FileList>| {
            let Some(list) = list else { return };
            let files: Vec<web_sys::File> =
                (0..list.length()).filter_map(|k| list.get(k)).collect();
            let l = lang.get_untracked();
            wasm_bindgen_futures::spawn_local(async move {
                let got = read_files(files, l).await;
                draft.update(|d| {
                    d.texts.extend(got.texts);
                    d.rows.extend(got.rows);
                    d.table_rows.extend(got.table_rows);
                    d.problems.extend(got.problems);
                });
            });
        };
        let on_pick = move |ev: leptos::ev::Event| {
            let input: Option<web_sys::HtmlInputElement> =
                ev.target().and_then(|t| t.dyn_into().ok());
            take_files(input.as_ref().and_then(|i| i.files()));
            if let Some(i) = input {
                i.set_value("");
            }
        };
        let on_drop = move |ev: leptos::ev::DragEvent| {
            ev.prevent_default();
            take_files(ev.data_transfer().and_then(|d| d.files()));
        };
        let add_paste = move |_| {
            let text = paste.get_untracked();
            let l = lang.get_untracked();
            let name = tr(l, "نص ملصق", "pasted text");
            // Numbered now: the text joins the forms only once the analyser has read it.
            pasted.update_value(|n| *n += 1);
            let n = pasted.get_value();
            paste.set(String::new());
            wasm_bindgen_futures::spawn_local(async move {
                let mut d = Draft::default();
                read_one(format!("{name} {n}"), text.into_bytes(), l, &mut d).await;
                draft.update(|x| {
                    x.texts.extend(d.texts);
                    x.problems.extend(d.problems);
                });
            });
        };
        let run = move |_| {
            let l = lang.get_untracked();
            let d = draft.get_untracked();
            let mut rows = match form_rows(&d.texts, l) {
                Ok(r) => r,
                Err(e) => return summary.set(vec![e]),
            };
            // Table rows go through the same check again as rows.
            for RowKeep(r, place) in &d.table_rows {
                rows.push(Row {
                    place: place.clone(),
                    text: r.text.clone(),
                    title: r.title.clone(),
                    date: r.published,
                    date_note: r.date_note.clone(),
                    outlet: Some(r.outlet.clone()),
                    url: r.url.clone(),
                });
            }
            if rows.is_empty() {
                return summary.set(vec![tr(l, "لا شيء لاستيراده.", "Nothing to import.")]);
            }
            busy.set(true);
            summary.set(Vec::new());
            wasm_bindgen_futures::spawn_local(async move {
                let out = import(rows, progress, l).await;
                progress.set(None);
                busy.set(false);
                if out.1 {
                    draft.set(Draft::default());
                }
                summary.set(out.0);
            });
        };
        let export = move |_| {
            let text: String = recs
                .get_untracked()
                .iter()
                .map(|r| r.export_line() + "\n")
                .collect();
            download("marsad-imported.jsonl", &text);
        };
        let remove_all = move |_| {
            let l = lang.get_untracked();
            wasm_bindgen_futures::spawn_local(async move {
                match device::remove(None).await {
                    Ok(()) => {
                        store().set_imported(None);
                        recs.set(Vec::new());
                        summary.set(vec![tr(
                            l,
                            "أُزيلت كل المقالات المستوردة.",
                            "Every imported article was removed.",
                        )]);
                    }
                    Err(e) => summary.set(vec![e]),
                }
            });
        };

        Ok(view! {
                <div class="import-panel" data-testid="import-panel">
                    <p class="import-privacy">{move || tr(lang.get(),
                        "تُحلَّل المقالات على هذا الجهاز وتُحفظ في متصفحك فقط؛ لا يُرسَل شيء إلى أي مكان.",
                        "Articles are analysed on this device and kept in this browser only; nothing is sent anywhere.")}</p>
                    <label class="drop-zone" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                        <span>{move || tr(lang.get(), "اسحب ملفات ‎.txt‎ أو CSV أو JSON Lines إلى هنا، أو اخترها:", "Drop .txt, CSV or JSON Lines files here, or pick them:")}</span>
                        <input type="file" multiple accept=".txt,.csv,.jsonl,.ndjson,.json,text/plain,text/csv" data-testid="import-files" on:change=on_pick />
                    </label>
                    <div class="paste">
                        <textarea data-testid="import-paste" lang="ar" dir="auto" rows="4"
                            placeholder=move || tr(lang.get(), "أو الصق نص مقال هنا", "or paste an article's text here")
                            prop:value=move || paste.get() on:input=move |ev| paste.set(event_target_value(&ev))></textarea>
                        <button type="button" data-testid="import-paste-add" on:click=add_paste>{move || tr(lang.get(), "أضف النص", "Add the text")}</button>
                    </div>
                    <Forms draft=draft />
                    <ul class="import-problems" data-testid="import-problems">
                        {move || draft.get().problems.into_iter().map(|p| view! { <li dir="auto">{p}</li> }).collect_view()}
                    </ul>
                    <button type="button" class="import-run" data-testid="import-run" disabled=move || busy.get() on:click=run>
                        {move || tr(lang.get(), "استورد", "Import")}
                    </button>
                    {move || progress.get().map(|(d, t)| view! {
                        <div class="import-progress">
                            <progress data-testid="import-progress" max=t value=d></progress>
                            <span>{format!("{d} / {t}")}</span>
                        </div>
                    })}
                    <ul class="import-summary" data-testid="import-summary" aria-live="polite">
                        {move || summary.get().into_iter().map(|p| view! { <li dir="auto">{p}</li> }).collect_view()}
                    </ul>
                    <Show when=move || !recs.get().is_empty()>
                        <div class="device-list" data-testid="device-list">
                            <p>
                                {move || format!("{}: {}", tr(lang.get(), "على هذا الجهاز فقط", "On this device only"), recs.get().len())}
                                " "
                                <button type="button" data-testid="import-export" on:click=export>{move || tr(lang.get(), "صدّر (JSON Lines)", "Export (JSON Lines)")}</button>
                                <button type="button" data-testid="import-remove-all" on:click=remove_all>{move || tr(lang.get(), "أزل الكل", "Remove all")}</button>
                            </p>
                            <ul>
                                {move || recs.get().into_iter().map(|r| {
                                    let id = r.id.clone();
                                    view! {
                                        <li data-article=r.id.clone()>
                                            <span lang="ar" dir="rtl">{title_of(&r)}</span>
                                            " "
                                            <button type="button" class="remove-one" on:click=move |_| remove_one(id.clone(), progress, summary, lang.get_untracked())>
                                                {move || tr(lang.get(), "أزل", "Remove")}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </div>
                    </Show>
                </div>
    }
    .into_any())
    }
);

/// Offers `text` as a file to save (a `blob:` address of this page: nothing is sent).
fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/x-ndjson");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a")
        && let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
