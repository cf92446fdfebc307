//! Live search in the library: the search box, and results as keyword-in-context lines, one page
//! of articles at a time in the chosen order (grouped under outlet headings when ordered by
//! outlet), each line linking to its paragraph in the reader ([`results`], whose code is fetched
//! apart in the release build).

pub(crate) mod results;

use crate::data::store;
use crate::split::{Loaded, lazy_view, split_point};
use crate::state::use_url_state;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use marsad_core::bundle::library::EAGER_CHUNKS;
use marsad_core::text::search::parse_query;
use marsad_core::view::i18n::{Msg, t};
use marsad_core::view::url::MAX_QUERY_CHARS;

/// How long typing must pause before a query is taken as meant: then the postings that a
/// half-typed word would read for nothing are fetched, and the texts of its page of results even
/// while other files are still on their way.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(100);

/// The query once typing has paused on it: at once for a query not typed (a link, a paste, the
/// query the view opened with), after [`TYPING_PAUSE`] for one being typed.
#[derive(Clone, Copy)]
pub(crate) struct Settled {
    text: RwSignal<String>,
    pending: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl Settled {
    fn new(text: String) -> Self {
        Settled {
            text: RwSignal::new(text),
            pending: StoredValue::new_local(None),
        }
    }

    /// Follows the text being typed; a newer text replaces a pending one.
    fn follow(self, text: String) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        if self.text.with_untracked(|t| *t != text) {
            let text_signal = self.text;
            self.pending.set_value(
                set_timeout_with_handle(move || text_signal.set(text), TYPING_PAUSE).ok(),
            );
        }
    }

    /// Whether typing has paused on `text` (tracked).
    fn is(self, text: &str) -> bool {
        self.text.with(|t| t == text)
    }
}

/// The search box. Typing replaces the current history entry (no entry per keystroke).
#[component]
pub fn SearchBox() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let on_input = move |ev| us.type_query(event_target_value(&ev));
    view! {
        <div class="search-box" role="search">
            <label for="q">{move || t(lang.get(), Msg::Search)}</label>
            <input
                id="q"
                type="search"
                dir="auto"
                autocomplete="off"
                spellcheck="false"
                data-testid="q"
                // What one types is never "a bad link": the box takes no more than a link keeps.
                maxlength=MAX_QUERY_CHARS
                placeholder=move || t(lang.get(), Msg::SearchPlaceholder)
                prop:value=move || st.get().q
                on:input=on_input
                on:pointerenter=|_| prefetch_search()
                on:focus=|_| prefetch_search()
            />
        </div>
    }
}

/// While searching: the postings chunks the query needs are asked for here, in the library's
/// own code, so that they are on their way while the results' code is fetched (when it is not
/// there yet); then the results ([`results::SearchResults`]).
#[component]
pub fn Searching() -> impl IntoView {
    let st = use_url_state().state;
    let q = Memo::new(move |_| st.get().q);
    let settled = Settled::new(st.get_untracked().q);
    Effect::new(move |_| settled.follow(q.get()));
    // At once when they are few, else once typing pauses (the chunks of a half-typed prefix such
    // as «ال» are many and read for nothing). Asked again as chunks arrive: a prefix leads to
    // stems in other chunks.
    Effect::new(move |_| {
        let text = q.get();
        let needs = store().lib().search_needs(&parse_query(&text));
        if !needs.is_empty() && (needs.len() <= EAGER_CHUNKS || settled.is(&text)) {
            store().request(needs);
        }
    });
    lazy_view!(search_results(settled), preload_search)
}

split_point!(
    search,
    preload_search,
    fn search_results(settled: Settled) -> Loaded {
        Ok(view! { <results::SearchResults settled=settled /> }.into_any())
    }
);

/// Starts fetching the code of the search results: when the search box is pointed at or
/// focused, and once the library is drawn and its files are in (`crate::library`), so that it
/// is there by the first keystroke.
pub fn prefetch_search() {
    #[cfg(marsad_split)]
    leptos::task::spawn_local(async move {
        // A failure is shown, with a way to try again, once a search is typed.
        let _ = preload_search().await;
    });
}
