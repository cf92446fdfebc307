//! What the timeline's links lead to, and how its marks are named for a screen reader or a
//! tooltip. The timeline's geometry is in [`crate::analysis::timeline`]; this is the part that
//! knows the view state and the interface language.

use super::i18n::{articles_count, format_spec};
use super::state::{View, ViewState, Zoom};
use crate::analysis::annotate::AnnotationLayer;
use crate::analysis::filter::Facet;
use crate::model::{DateSpec, Lang};

/// The comparison of an event: the compare view filtered to it, other filters kept (the same
/// target as the compare view's own list of events).
pub fn event_target(state: &ViewState, event: &str) -> ViewState {
    let mut s = ViewState {
        view: View::Compare,
        article: None,
        paragraph: None,
        articles: Vec::new(),
        lens: None,
        page: None,
        ..state.clone()
    };
    s.filter
        .facets
        .insert(Facet::Event, vec![event.to_string()]);
    s
}

/// An article in the reader.
pub fn article_target(state: &ViewState, article: &str) -> ViewState {
    ViewState {
        view: View::Read,
        article: Some(article.to_string()),
        paragraph: None,
        articles: Vec::new(),
        lens: None,
        page: None,
        ..state.clone()
    }
}

/// The library filtered to a lane's outlets (catalog order) and a bin's period (already cut to
/// the date filter); other filters are kept, so the list holds exactly the bin's articles.
pub fn bin_target(state: &ViewState, outlets: &[String], period: &DateSpec) -> ViewState {
    let mut s = ViewState {
        view: View::Library,
        article: None,
        paragraph: None,
        articles: Vec::new(),
        lens: None,
        page: None,
        ..state.clone()
    };
    s.filter.facets.insert(Facet::Outlet, outlets.to_vec());
    s.filter.from = Some(period.start);
    s.filter.to = Some(period.end);
    s
}

/// The same view in another zoom.
pub fn zoom_target(state: &ViewState, zoom: Zoom) -> ViewState {
    ViewState {
        zoom,
        ..state.clone()
    }
}

/// The same view with every outlet in a lane (`all`), or the outlets with most articles.
pub fn lanes_target(state: &ViewState, all: bool) -> ViewState {
    ViewState {
        all_lanes: all,
        ..state.clone()
    }
}

/// The same view with the dates found in the texts shown, or hidden if they were shown.
pub fn dates_target(state: &ViewState) -> ViewState {
    let mut s = state.clone();
    if let Some(i) = s.layers.iter().position(|l| *l == AnnotationLayer::Dates) {
        s.layers.remove(i);
    } else {
        s.layers.push(AnnotationLayer::Dates);
        s.layers.sort();
    }
    s
}

/// The same view without a date range.
pub fn without_range(state: &ViewState) -> ViewState {
    let mut s = state.clone();
    s.filter.from = None;
    s.filter.to = None;
    s
}

/// An event badge's name: `12. Higher Military Commission launched in Baghdad — 27 January 2024`.
pub fn event_name(lang: Lang, number: usize, title: &str, date: &DateSpec) -> String {
    format!("{number}. {title} — {}", format_spec(date, lang))
}

/// An article mark's name: its outlet, date and (once loaded) title.
pub fn article_name(lang: Lang, outlet: &str, published: &DateSpec, title: Option<&str>) -> String {
    let head = format!("{outlet}{}{}", comma(lang), format_spec(published, lang));
    match title {
        Some(t) if !t.is_empty() => format!("{head}: {t}"),
        _ => head,
    }
}

fn comma(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "، ",
        Lang::En => ", ",
    }
}

/// A density bin's name: `Kurdistan24, March 2024: 12 articles`.
pub fn bin_name(lang: Lang, lane: &str, count: usize, period: &DateSpec) -> String {
    format!(
        "{lane}{}{}: {}",
        comma(lang),
        format_spec(period, lang),
        articles_count(lang, count)
    )
}
