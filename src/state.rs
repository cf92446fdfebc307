//! The one place that reads and writes the URL. Everything else derives from [`ViewState`].
//!
//! Reading: the query string is decoded by `marsad_core::url::decode`; what could not be used
//! becomes notices. Writing: `navigate` encodes a state and pushes (deliberate navigation) or
//! replaces (corrections) a history entry on the same path, so it works at any sub-path.

use crate::{corpus, index};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use marsad_core::url::{self, Notice, ViewState};
use std::sync::Arc;

/// The router's navigate function, type-erased so that the state can live in context.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

#[derive(Clone)]
pub struct UrlState {
    pub state: Memo<ViewState>,
    /// Problems found in the link that was opened, shown until dismissed or the next navigation.
    pub notices: RwSignal<Vec<Notice>>,
    navigate: Navigate,
    pathname: Memo<String>,
}

/// Installs the URL state for the app; call once, inside the router.
pub fn provide() {
    let location = use_location();
    let decoded = Memo::new(move |_| url::decode_with(&location.search.get(), corpus(), index()));
    let state = Memo::new(move |_| decoded.get().state);
    let notices = RwSignal::new(Vec::new());
    let nav = use_navigate();
    let url_state = UrlState {
        state,
        notices,
        navigate: Arc::new(move |to: &str, opts| nav(to, opts)),
        pathname: location.pathname,
    };
    // A link that was not canonical (bad parts, odd order) is replaced by the canonical link of
    // the view actually shown, so "Copy link" always copies what is on screen.
    let fixer = url_state.clone();
    Effect::new(move |_| {
        let d = decoded.get();
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

    /// Deliberate navigation: a new history entry, and old notices are cleared.
    pub fn push(&self, state: &ViewState) {
        self.go(state, false, true);
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
