//! The one place that reads and writes the URL. Everything else derives from [`ViewState`].
//!
//! Reading: the query string is decoded by `marsad_core::view::url::decode`; what could not be used
//! becomes notices. Writing: `navigate` encodes a state and pushes (deliberate navigation) or
//! replaces (corrections) a history entry on the same path, so it works at any sub-path.

use crate::data::store;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use marsad_core::view::i18n::Lang;
use marsad_core::view::url::{self, Notice, ViewState};
use std::sync::Arc;

/// The router's navigate function, type-erased so that the state can live in context.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

#[derive(Clone)]
pub struct UrlState {
    pub state: Memo<ViewState>,
    /// The interface language alone (one memo for every view that only follows the language).
    pub lang: Memo<Lang>,
    /// Only what filters the library (facets and dates). Views that depend on filters alone use
    /// this, so that typing a query or switching language does not touch them.
    pub filters: Memo<ViewState>,
    /// Problems found in the link that was opened, shown until dismissed or the next navigation.
    pub notices: RwSignal<Vec<Notice>>,
    navigate: Navigate,
    pathname: Memo<String>,
    /// The search text being typed, ahead of the link (which is written once typing pauses).
    pending_q: RwSignal<Option<String>>,
    timer: StoredValue<Option<leptos::prelude::TimeoutHandle>>,
}

/// How long typing must pause before the link is updated. The results follow every keystroke at
/// once; only the link (a history entry replaced) waits, because writing it costs more than a
/// frame's budget on every keystroke.
const LINK_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// Installs the URL state for the app; call once, inside the router.
pub fn provide() {
    let location = use_location();
    let decoded = Memo::new(move |_| url::decode(&location.search.get(), &store().catalog()));
    let pending_q: RwSignal<Option<String>> = RwSignal::new(None);
    let state = Memo::new(move |_| {
        let mut s = decoded.get().state;
        if let Some(q) = pending_q.get() {
            s.q = q;
        }
        s
    });
    let lang = Memo::new(move |_| state.get().lang);
    let filters = Memo::new(move |_| {
        let s = state.get();
        ViewState {
            filter: s.filter,
            ..ViewState::default()
        }
    });
    let notices = RwSignal::new(Vec::new());
    let nav = use_navigate();
    let url_state = UrlState {
        state,
        lang,
        filters,
        notices,
        navigate: Arc::new(move |to: &str, opts| nav(to, opts)),
        pathname: location.pathname,
        pending_q,
        timer: StoredValue::new(None),
    };
    // A link that was not canonical (bad parts, odd order) is replaced by the canonical link of
    // the view actually shown, so "Copy link" always copies what is on screen.
    let fixer = url_state.clone();
    Effect::new(move |_| {
        let d = decoded.get();
        // The link changed (typing paused, a link was followed, back/forward): it is now the truth.
        if fixer.pending_q.get_untracked().is_some() {
            if let Some(h) = fixer.timer.get_value() {
                h.clear();
                fixer.timer.set_value(None);
            }
            fixer.pending_q.set(None);
        }
        if !d.notices.is_empty() {
            fixer.notices.set(d.notices.clone());
        }
        let canonical = url::encode(&d.state);
        let current = location.search.get_untracked();
        if current.trim_start_matches('?') != canonical {
            fixer.go(&d.state, true, false);
        }
    });
    provide_context(url_state);
}

pub fn use_url_state() -> UrlState {
    expect_context::<UrlState>()
}

impl UrlState {
    /// Navigates to `state`: `replace` for corrections and typing, push for deliberate moves.
    pub fn go(&self, state: &ViewState, replace: bool, clear_notices: bool) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
            self.timer.set_value(None);
        }
        if clear_notices {
            self.notices.set(Vec::new());
        }
        let target = href_on(&self.pathname.get_untracked(), state);
        (self.navigate)(
            &target,
            NavigateOptions {
                replace,
                scroll: !replace,
                ..Default::default()
            },
        );
    }

    /// Typing in the search box: the view follows at once; the link is replaced when typing pauses.
    pub fn type_query(&self, q: String) {
        self.pending_q.set(Some(q));
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let this = self.clone();
        let handle = set_timeout_with_handle(
            move || {
                this.timer.set_value(None);
                let state = this.state.get_untracked();
                this.go(&state, true, false);
                this.pending_q.set(None);
            },
            LINK_DELAY,
        )
        .ok();
        self.timer.set_value(handle);
    }

    /// Deliberate navigation: a new history entry, and old notices are cleared.
    pub fn push(&self, state: &ViewState) {
        self.go(state, false, true);
    }

    /// Follows a link of the app (an href made by [`UrlState::href`]) as deliberate navigation:
    /// for links the router does not handle itself, such as SVG `<a>` elements.
    pub fn follow(&self, href: &str) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
            self.timer.set_value(None);
        }
        self.notices.set(Vec::new());
        (self.navigate)(
            href,
            NavigateOptions {
                replace: false,
                scroll: true,
                ..Default::default()
            },
        );
    }

    /// The href of a state, for `<a>` elements (middle-click and "copy link address" work).
    pub fn href(&self, state: &ViewState) -> String {
        href_on(&self.pathname.get_untracked(), state)
    }
}

fn href_on(path: &str, state: &ViewState) -> String {
    let q = url::encode(state);
    let path = if path.is_empty() { "/" } else { path };
    if q.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{q}")
    }
}

/// The page's own address without its query or fragment (`https://host/path/`, or the
/// standalone file's `file://` path): the base of permalinks written into exports and citations.
pub fn page_base() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}
