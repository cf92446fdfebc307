//! The "Export" control (CSV or JSON) of the views with a table or a list. The rows come from
//! `marsad_core::view::export`; this module only fetches the files a table still needs, then
//! hands the bytes to the browser as a download (a Blob behind an object URL). In the release
//! build, the code that builds, writes and offers the tables is in a module of its own (see
//! `crate::split`), fetched when the control is pointed at, focused or pressed.

use crate::data::store;
use crate::split::split_point;
use crate::state::{page_base, use_url_state};
use crate::widgets::tr;
use leptos::prelude::*;
use marsad_core::bundle::{FileId, Library};
use marsad_core::view::export::{Format, Stamp, export_for, filename, permalink, write};
use marsad_core::view::state::ViewState;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Today's date (UTC), `YYYY-MM-DD`.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// Offers `bytes` as a file named `name`.
fn download(bytes: &[u8], mime: &str, name: &str) -> Result<(), String> {
    let err = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "no anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has started by now; the object URL is released a moment later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// What building the export of a view gives.
enum Built {
    /// The view has no export.
    Nothing,
    /// The files the table still needs.
    Needs(Vec<FileId>),
    /// The file was offered for download (its name), or why it could not be.
    Offered(Result<String, String>),
}

split_point!(
    export,
    preload_export,
    fn build(
        lib: Arc<Library>,
        s: ViewState,
        base: String,
        format: Format,
        exported: String,
    ) -> Result<Built, leptos::wasm_split::SplitLoaderError> {
        Ok(match export_for(&lib, &s, &base) {
            None => Built::Nothing,
            Some(Err(needs)) => Built::Needs(needs),
            Some(Ok(table)) => {
                let stamp = Stamp {
                    permalink: permalink(&base, &s),
                    corpus_version: lib.summary().version.clone(),
                    exported,
                };
                let name = filename(&table.kind, &stamp.exported, format);
                let bytes = write(&table, &stamp, format);
                Built::Offered(download(&bytes, format.mime(), &name).map(|()| name))
            }
        })
    }
);

/// Starts fetching the export code, when the control is pointed at or focused.
fn prefetch_export() {
    #[cfg(marsad_split)]
    leptos::task::spawn_local(async move {
        // A failure is shown if an export is asked for.
        let _ = preload_export().await;
    });
}

/// "Export: CSV JSON" for the current view. Exports everything the view lists (every matching
/// article, every match, every column), fetching what is missing first.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = us.lang;
    let pending = RwSignal::new(None::<Format>);
    // The file last written, or why it could not be.
    let status = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let Some(format) = pending.get() else { return };
        // Tracked: asked again as the files the table needs arrive.
        let lib = store().lib();
        let (s, base, exported) = (st.get_untracked(), page_base(), today());
        leptos::task::spawn_local(async move {
            #[cfg(marsad_split)]
            let built = build(lib, s, base, format, exported).await;
            #[cfg(not(marsad_split))]
            let built = build(lib, s, base, format, exported);
            // An earlier run has finished this export already.
            if pending.get_untracked() != Some(format) {
                return;
            }
            match built {
                Err(e) => {
                    status.set(Some(format!(
                        "the export code could not be fetched ({e:?})"
                    )));
                    pending.set(None);
                }
                Ok(Built::Nothing) => pending.set(None),
                Ok(Built::Needs(needs)) => match needs.iter().find_map(|f| store().failure(*f)) {
                    Some(e) => {
                        status.set(Some(e));
                        pending.set(None);
                    }
                    None => store().request(needs),
                },
                Ok(Built::Offered(offered)) => {
                    status.set(Some(offered.unwrap_or_else(|e| e)));
                    pending.set(None);
                }
            }
        });
    });
    // A new view makes the last status stale.
    Effect::new(move |_| {
        st.track();
        status.set(None);
    });
    let button = move |format: Format, label: &'static str| {
        view! {
            <button
                type="button"
                class="export-button"
                data-testid=format!("export-{}", format.ext())
                aria-label=move || format!("{} {label}", tr(lang.get(), "تصدير", "Export"))
                aria-busy=move || (pending.get() == Some(format)).to_string()
                on:click=move |_| pending.set(Some(format))
            >
                {label}
            </button>
        }
    };
    view! {
        <div
            class="export"
            role="group"
            aria-label=move || tr(lang.get(), "تصدير", "Export")
            data-testid="export"
            on:pointerenter=|_| prefetch_export()
            on:focusin=|_| prefetch_export()
        >
            <span class="export-label" aria-hidden="true">{move || tr(lang.get(), "تصدير:", "Export:")}</span>
            {button(Format::Csv, "CSV")}
            {button(Format::Json, "JSON")}
            <span class="export-status" role="status" data-testid="export-status">
                {move || status.get().map(|s| view! { <bdi dir="ltr">{s}</bdi> })}
            </span>
        </div>
    }
}
