//! Views whose code, in the page's release build, is in wasm modules of their own, fetched the
//! first time one of them is shown: the reader, compare and timeline views here, the search
//! results (`crate::search`), the export tables (`crate::export`) and the import panel
//! (`crate::import`).
//! `cargo xtask build` compiles the page with `--cfg marsad_split` and splits it at the functions
//! declared with `split_point!` (`crates/split`). Every other build (development, component tests, the
//! standalone file) is one module, and the same functions are called directly.

#[cfg(marsad_split)]
use crate::state::use_url_state;
#[cfg(marsad_split)]
use crate::widgets::{loading, tr};
use leptos::prelude::*;

use crate::{compare::CompareView, reader::Reader, timeline::TimelineView};
use marsad_core::view::url::View;

pub(crate) mod point;
pub(crate) use point::split_point;

// The split points of the views other than the library.

split_point!(
    reader,
    preload_reader,
    pub(crate) fn reader_view() -> Loaded {
        Ok(view! { <Reader /> }.into_any())
    }
);

split_point!(
    timeline,
    preload_timeline,
    pub(crate) fn timeline_view() -> Loaded {
        Ok(view! { <TimelineView /> }.into_any())
    }
);

split_point!(
    compare,
    preload_compare,
    pub(crate) fn compare_view() -> Loaded {
        Ok(view! { <CompareView /> }.into_any())
    }
);

/// Starts fetching the code of `view` when a link to it is pointed at or focused, so that it is
/// usually there by the time the link is followed (nothing to do in a build of one module, or
/// once it is loaded).
pub fn prefetch(view: View) {
    #[cfg(marsad_split)]
    leptos::task::spawn_local(async move {
        // A failure is shown, with a way to try again, if the view is opened.
        let _ = match view {
            View::Read => preload_reader().await,
            View::Timeline => preload_timeline().await,
            View::Compare => preload_compare().await,
            View::Library => Ok(()),
        };
    });
    #[cfg(not(marsad_split))]
    let _ = view;
}

/// What a split function returns: its view, or why its code could not be fetched.
pub type Loaded = Result<AnyView, leptos::wasm_split::SplitLoaderError>;

/// Draws the view of split function `f(args)`, whose module `load` (its `preload` function)
/// fetches: at once when it is already loaded.
macro_rules! lazy_view {
    ($f:ident($($arg:expr),*), $load:path) => {{
        #[cfg(marsad_split)]
        {
            $crate::split::lazily($load, move || {
                use futures_util::FutureExt;
                $f($($arg),*).now_or_never()
            })
        }
        #[cfg(not(marsad_split))]
        {
            $crate::split::ready($f($($arg),*))
        }
    }};
}
pub(crate) use lazy_view;

/// Draws a view whose code is in a module of its own: `load` fetches the module, then `build`
/// draws the view synchronously, under this owner, so that its effects are disposed with it.
/// While the module is on its way a loading line is shown; if it cannot be fetched, a notice
/// with a button to try again (a failed fetch is not remembered).
#[cfg(marsad_split)]
pub fn lazily<F>(
    load: fn() -> F,
    build: impl Fn() -> Option<Loaded> + Send + Sync + 'static,
) -> AnyView
where
    F: std::future::Future<Output = Result<(), leptos::wasm_split::SplitLoaderError>> + 'static,
{
    use futures_util::FutureExt;
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Loading,
        Ready,
        Failed,
    }
    let state = RwSignal::new(State::Loading);
    let done = move |ok: bool| state.set(if ok { State::Ready } else { State::Failed });
    let fetch = move || {
        let mut pending = Box::pin(load());
        // Already loaded: drawn at once, with no loading line in between.
        if let Some(got) = pending.as_mut().now_or_never() {
            return done(got.is_ok());
        }
        state.set(State::Loading);
        crate::data::code_loading(true);
        leptos::task::spawn_local(async move {
            let got = pending.await;
            crate::data::code_loading(false);
            done(got.is_ok());
        });
    };
    fetch();
    let lang = use_url_state().lang;
    let retry = Callback::new(move |()| fetch());
    (move || match state.get() {
        State::Loading => loading(lang.get()).into_any(),
        State::Ready => match build() {
            Some(Ok(v)) => v,
            _ => failed(lang.get(), retry),
        },
        State::Failed => failed(lang.get(), retry),
    })
    .into_any()
}

/// A split function's view in a build of one module.
#[cfg(not(marsad_split))]
pub fn ready(view: Loaded) -> AnyView {
    view.unwrap_or_else(|_| ().into_any())
}

/// The notice shown when a view's code could not be fetched.
#[cfg(marsad_split)]
fn failed(lang: marsad_core::view::i18n::Lang, retry: Callback<()>) -> AnyView {
    view! {
        <p class="notice" role="alert" data-testid="code-failed">
            {tr(lang, "تعذّر تحميل هذا الجزء من مرصد. تحقّق من الاتصال ثم أعد المحاولة.",
                "This part of Marsad could not be loaded. Check the connection and try again.")}
            " "
            <button type="button" on:click=move |_| retry.run(())>{tr(lang, "أعد المحاولة", "Try again")}</button>
        </p>
    }
    .into_any()
}
