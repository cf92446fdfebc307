//! "Add articles": importing one's own articles into the page. Files (`.txt`, CSV, JSON Lines)
//! dropped or picked, or pasted text; a short form per text, pre-filled from the text; the
//! core reads, checks and analyses them ([`marsad_core::bundle::import`],
//! [`marsad_core::bundle::imported`]) in slices with a progress bar; `device` keeps them in
//! IndexedDB. Nothing is sent anywhere.

use crate::data::store;
use crate::device;
use crate::state::use_url_state;
use leptos::prelude::*;
use marsad_core::bundle::import::{Place, Row, dates, file_text, guess::guess, rows};
use marsad_core::bundle::imported::{Analysis, Imported, Record, accept, id_of};
use marsad_core::view::i18n::{Lang, format_spec};
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A string in the interface language.
fn tr(lang: Lang, ar: &str, en: &str) -> String {
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

fn records() -> ArcRwSignal<Vec<Record>> {
    RECORDS.get_or_init(|| ArcRwSignal::new(Vec::new())).clone()
}

/// Lets the browser draw and handle input before the next slice of work.
async fn yield_now() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Articles analysed per slice between two yields.
const SLICE: usize = 8;

/// Analyses `all` against every article of the bundle (fetched first if need be), reporting
/// `(done, total)` to `progress`.
async fn analyse(
    all: Vec<Record>,
    progress: Option<RwSignal<Option<(usize, usize)>>>,
) -> Result<Imported, String> {
    let s = store();
    s.load_now(s.lib_untracked().bundle_needs()).await?;
    let lib = s.lib_untracked();
    let base = lib
        .bundle_corpus()
        .ok_or("the bundle's articles could not all be loaded")?;
    let mut a = Analysis::new(base, all);
    let total = a.total();
    while a.done() < total {
        a.step(SLICE);
        if let Some(p) = progress {
            p.set(Some((a.done(), total)));
        }
        yield_now().await;
    }
    Ok(a.finish(lib.summary().search.avg_len))
}

/// Reads what this device stores and adds it to the library; call before the views are drawn
/// (a link naming an imported article must find it). Problems are returned as text.
pub async fn restore() -> Option<String> {
    let (recs, bad) = match device::load().await {
        Ok(x) => x,
        Err(e) => return Some(e),
    };
    let mut note = (!bad.is_empty()).then(|| bad.join("; "));
    if !recs.is_empty() {
        match analyse(recs.clone(), None).await {
            Ok(imp) => {
                store().set_imported(Some(Arc::new(imp)));
                records().set(recs);
            }
            Err(e) => note = Some(e),
        }
    }
    note
}

/// Reads one file into the draft: a plain text joins the forms; a table adds its rows.
fn read_file(name: &str, bytes: &[u8], lang: Lang, draft: &mut Draft) {
    let text = match file_text(name, bytes) {
        Ok(t) => t,
        Err(e) => return draft.problems.push(e),
    };
    let lower = name.to_lowercase();
    let table = [".csv", ".jsonl", ".ndjson", ".json"]
        .iter()
        .any(|e| lower.ends_with(e));
    if !table {
        return draft.texts.push(pending(name, text));
    }
    match rows::read(name, text.as_bytes()) {
        Err(e) => draft.problems.push(e),
        Ok(input) => {
            for b in &input.bad {
                draft.problems.push(b.to_string());
            }
            draft.rows.push((name.to_string(), input.rows.len()));
            for r in input.rows {
                draft
                    .table_rows
                    .push(RowKeep(Record::from_row(&r), r.place.clone()));
            }
            if input.bad.is_empty() && draft.rows.last().is_some_and(|r| r.1 == 0) {
                draft.problems.push(tr(
                    lang,
                    &format!("{name}: لا مقالات فيه"),
                    &format!("{name}: no articles"),
                ));
            }
        }
    }
}

fn pending(name: &str, text: &str) -> Pending {
    let g = guess(text);
    Pending {
        name: name.to_string(),
        text: text.to_string(),
        headline: g.headline.unwrap_or_default(),
        outlet: g.outlet.unwrap_or_default(),
        date: g
            .date
            .map(|(d, _)| marsad_core::bundle::imported::date_text(&d))
            .unwrap_or_default(),
    }
}

/// The rows of the forms, or the first problem (naming the text).
fn form_rows(texts: &[Pending], lang: Lang) -> Result<Vec<Row>, String> {
    texts
        .iter()
        .map(|p| {
            let date = dates::parse(&p.date).map_err(|e| {
                tr(
                    lang,
                    &format!("{}: التاريخ: {e}", p.name),
                    &format!("{}: date: {e}", p.name),
                )
            })?;
            if p.outlet.trim().is_empty() {
                return Err(tr(
                    lang,
                    &format!("{}: اكتب اسم الوسيلة الإعلامية", p.name),
                    &format!("{}: name the outlet", p.name),
                ));
            }
            Ok(Row {
                place: Place::file(&p.name),
                text: p.text.clone(),
                title: Some(p.headline.clone()).filter(|h| !h.trim().is_empty()),
                date,
                date_note: format!(
                    "Given in the import form for {}: «{}».",
                    p.name,
                    p.date.trim()
                ),
                outlet: Some(p.outlet.trim().to_string()),
                url: None,
            })
        })
        .collect()
}

/// Reads the browser's files (refusing a file over the limit before reading it).
async fn read_files(files: Vec<web_sys::File>, lang: Lang) -> Draft {
    let mut draft = Draft::default();
    for f in files {
        let name = f.name();
        if let Some(e) = marsad_core::bundle::import::too_large(&name, f.size() as usize) {
            draft.problems.push(e);
            continue;
        }
        let buf = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await;
        match buf {
            Ok(b) => read_file(
                &name,
                &js_sys::Uint8Array::new(&b).to_vec(),
                lang,
                &mut draft,
            ),
            Err(_) => draft.problems.push(format!("{name}: cannot be read")),
        }
    }
    draft
}

/// What a precision is called in the interface language.
fn precision_name(p: marsad_core::model::Precision, l: Lang) -> String {
    use marsad_core::model::Precision::*;
    let (ar, en) = match p {
        Day => ("يوم", "a day"),
        DayRange => ("أيام", "days"),
        PartOfMonth => ("جزء من شهر", "part of a month"),
        Month => ("شهر", "a month"),
        PartOfYear => ("جزء من سنة", "part of a year"),
        Year => ("سنة", "a year"),
    };
    tr(l, ar, en)
}

/// A record's title as the library shows it.
fn title_of(r: &Record) -> String {
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

#[component]
pub fn AddArticles() -> impl IntoView {
    let us = use_url_state();
    let lang = us.lang;
    let open = RwSignal::new(false);
    let draft = RwSignal::new(Draft::default());
    let paste = RwSignal::new(String::new());
    let progress: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let summary: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let recs = RwSignal::from(records());

    // The files are taken out of the list at once: clearing the input empties it.
    let take_files = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|k| list.get(k)).collect();
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
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
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
        let n = draft.with_untracked(|d| d.texts.len()) + 1;
        let mut d = Draft::default();
        read_file(&format!("{name} {n}"), text.as_bytes(), l, &mut d);
        draft.update(|x| {
            x.texts.extend(d.texts);
            x.problems.extend(d.problems);
        });
        paste.set(String::new());
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

    view! {
        <section class="import" data-testid="import">
            <button type="button" class="import-toggle" data-testid="import-toggle" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || tr(lang.get(), "أضف مقالاتك", "Add articles")}
                {move || { let n = recs.get().len(); (n > 0).then(|| format!(" ({n})")) }}
            </button>
            <Show when=move || open.get()>
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
            </Show>
        </section>
    }
}

/// The form of every pending text, and one line of values for all.
#[component]
fn Forms(draft: RwSignal<Draft>) -> impl IntoView {
    let lang = use_url_state().lang;
    let all_outlet = RwSignal::new(String::new());
    let all_date = RwSignal::new(String::new());
    let apply_all = move |_| {
        let (o, d) = (all_outlet.get_untracked(), all_date.get_untracked());
        draft.update(|x| {
            for p in &mut x.texts {
                if !o.trim().is_empty() {
                    p.outlet = o.clone();
                }
                if !d.trim().is_empty() {
                    p.date = d.clone();
                }
            }
        });
    };
    let outlets: Vec<String> = store()
        .lib_untracked()
        .summary()
        .outlets
        .iter()
        .flat_map(|o| [o.name_ar.clone(), o.name_en.clone()])
        .collect();
    let field = move |k: usize, which: u8| {
        move |ev| {
            let v = event_target_value(&ev);
            draft.update(|d| {
                if let Some(p) = d.texts.get_mut(k) {
                    match which {
                        0 => p.headline = v,
                        1 => p.outlet = v,
                        _ => p.date = v,
                    }
                }
            });
        }
    };
    let count = Memo::new(move |_| draft.with(|d| d.texts.len()));
    let tables = move || {
        draft.with(|d| {
            d.rows
                .iter()
                .map(|(name, n)| {
                    let l = lang.get();
                    view! { <li>{tr(l, &format!("{name}: {n} مقال جاهز"), &format!("{name}: {n} article(s) ready"))}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <datalist id="import-outlets">
            {outlets.into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
        </datalist>
        <ul class="import-tables" data-testid="import-tables">{tables}</ul>
        <Show when=move || { count.get() > 1 }>
            <div class="import-all">
                <span>{move || tr(lang.get(), "للجميع:", "For all:")}</span>
                <input list="import-outlets" data-testid="import-all-outlet" placeholder=move || tr(lang.get(), "الوسيلة", "Outlet")
                    prop:value=move || all_outlet.get() on:input=move |ev| all_outlet.set(event_target_value(&ev)) />
                <input data-testid="import-all-date" placeholder=move || tr(lang.get(), "التاريخ", "Date")
                    prop:value=move || all_date.get() on:input=move |ev| all_date.set(event_target_value(&ev)) />
                <button type="button" on:click=apply_all>{move || tr(lang.get(), "طبّق على الكل", "Apply to all")}</button>
            </div>
        </Show>
        <ol class="import-forms">
            {move || (0..count.get()).map(|k| {
                let get = move |f: fn(&Pending) -> String| move || draft.with(|d| d.texts.get(k).map(f).unwrap_or_default());
                let date_read = move || {
                    let l = lang.get();
                    let raw = draft.with(|d| d.texts.get(k).map(|p| p.date.clone()).unwrap_or_default());
                    if raw.trim().is_empty() {
                        return tr(l, "اكتب التاريخ (يوم أو شهر أو سنة)", "write the date (a day, a month or a year)");
                    }
                    match dates::parse(&raw) {
                        Ok(s) => format!("{} {} ({})", tr(l, "يُقرأ:", "read as:"), format_spec(&s, l), precision_name(s.precision, l)),
                        Err(e) => e,
                    }
                };
                view! {
                    <li class="import-form" data-testid="import-form">
                        <p class="import-name">{get(|p| p.name.clone())}</p>
                        <label>{move || tr(lang.get(), "العنوان", "Headline")}
                            <input lang="ar" dir="rtl" data-field="headline" prop:value=get(|p| p.headline.clone()) on:input=field(k, 0) /></label>
                        <label>{move || tr(lang.get(), "الوسيلة", "Outlet")}
                            <input list="import-outlets" dir="auto" data-field="outlet" prop:value=get(|p| p.outlet.clone()) on:input=field(k, 1) /></label>
                        <label>{move || tr(lang.get(), "التاريخ", "Date")}
                            <input dir="ltr" data-field="date" placeholder="2024-01-27 · 2024-01 · 2024" prop:value=get(|p| p.date.clone()) on:input=field(k, 2) /></label>
                        <span class="date-read">{date_read}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// Checks, analyses and stores `rows` with what the device already has; returns the lines to
/// show and whether anything was imported. Nothing changes unless everything succeeded.
async fn import(
    rows: Vec<Row>,
    progress: RwSignal<Option<(usize, usize)>>,
    l: Lang,
) -> (Vec<String>, bool) {
    let s = store();
    if let Err(e) = s.load_now(s.lib_untracked().bundle_needs()).await {
        return (vec![e], false);
    }
    let lib = s.lib_untracked();
    let existing = records().get_untracked();
    let mut known: HashMap<String, String> = HashMap::new();
    if let Some(c) = lib.bundle_corpus() {
        for a in &c.articles {
            known.insert(id_of(&a.text), format!("article {}", a.id));
        }
    }
    for r in &existing {
        known.insert(
            r.id.clone(),
            format!(
                "{} ({})",
                title_of(r),
                tr(l, "مستورد سابقًا", "imported earlier")
            ),
        );
    }
    let acc = accept(rows, &known);
    let mut lines = Vec::new();
    let n = acc.records.len();
    let mut ok = false;
    if n > 0 {
        let mut all = existing.clone();
        all.extend(acc.records.iter().cloned());
        match analyse(all.clone(), Some(progress)).await {
            Err(e) => lines.push(e),
            Ok(imp) => match device::put(&acc.records).await {
                Err(e) => lines.push(e),
                Ok(()) => {
                    s.set_imported(Some(Arc::new(imp)));
                    records().set(all);
                    ok = true;
                    lines.push(tr(
                        l,
                        &format!("استُورد {n} مقال."),
                        &format!("{n} article(s) imported."),
                    ));
                }
            },
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
    (lines, ok || n == 0)
}

fn remove_one(
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
            analyse(rest.clone(), Some(progress))
                .await
                .map(|i| Some(Arc::new(i)))
        };
        progress.set(None);
        let done = match next {
            Err(e) => Err(e),
            Ok(imp) => device::remove(Some(std::slice::from_ref(&id)))
                .await
                .map(|()| imp),
        };
        match done {
            Ok(imp) => {
                store().set_imported(imp);
                records().set(rest);
                summary.set(vec![tr(l, "أُزيل المقال.", "The article was removed.")]);
            }
            Err(e) => summary.set(vec![e]),
        }
    });
}

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
