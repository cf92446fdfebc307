//! The import form: what the analyser reads from each file or pasted text, the form of each
//! plain text (pre-filled from the text, checked as it is typed), and the rows it gives.

use super::{Draft, Pending, RowKeep, tr};
use crate::analyser::ask;
use crate::data::store;
use crate::state::use_url_state;
use leptos::prelude::*;
use marsad_core::bundle::analyser::{FileRead, Reply, Request};
use marsad_core::bundle::import::{Place, Row, dates};
use marsad_core::view::i18n::{Lang, format_spec};

/// Adds what the analyser read from one file to the draft.
fn add_read(got: FileRead, lang: Lang, draft: &mut Draft) {
    draft.texts.extend(got.texts.into_iter().map(|g| Pending {
        name: g.name,
        text: g.text,
        headline: g.headline,
        outlet: g.outlet,
        date: g.date,
    }));
    draft.problems.extend(got.problems);
    draft.rows.extend(got.tables);
    draft
        .table_rows
        .extend(got.rows.into_iter().map(|(r, p)| RowKeep(r, p)));
    for name in got.empty {
        draft.problems.push(tr(
            lang,
            &format!("{name}: لا مقالات فيه"),
            &format!("{name}: no articles"),
        ));
    }
}

/// Has the analyser read one file into the draft.
pub(super) async fn read_one(name: String, bytes: Vec<u8>, lang: Lang, draft: &mut Draft) {
    match ask(Request::Read { name, bytes }, |_, _| {}).await {
        Ok(Reply::Read(got)) => add_read(got, lang, draft),
        Ok(_) => draft
            .problems
            .push("the analyser answered another question".into()),
        Err(e) => draft.problems.push(e),
    }
}

/// The rows of the forms, or the first problem (naming the text).
pub(super) fn form_rows(texts: &[Pending], lang: Lang) -> Result<Vec<Row>, String> {
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
pub(super) async fn read_files(files: Vec<web_sys::File>, lang: Lang) -> Draft {
    let mut draft = Draft::default();
    for f in files {
        let name = f.name();
        if let Some(e) = marsad_core::bundle::import::too_large(&name, f.size() as usize) {
            draft.problems.push(e);
            continue;
        }
        let buf = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await;
        match buf {
            Ok(b) => {
                let bytes = js_sys::Uint8Array::new(&b).to_vec();
                read_one(name, bytes, lang, &mut draft).await;
            }
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

/// The form of every pending text, and one line of values for all.
#[component]
pub(super) fn Forms(draft: RwSignal<Draft>) -> impl IntoView {
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
