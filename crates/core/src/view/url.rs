//! The one codec between a view and its link: `ViewState <-> query string`.
//!
//! All view state lives in the query string of a single path, so a link works on any static host,
//! at any sub-path, and from `file://`. Decoding never panics and never gives up: every part of a
//! link that cannot be used is dropped with a [`Notice`], and the rest is kept.

pub use super::state::{Lens, Sort, View, ViewState, Zoom};
use crate::analysis::annotate::AnnotationLayer;
use crate::analysis::filter::Facet;
use crate::bundle::Library;
use crate::model::Lang;
use crate::model::date::Date;
use crate::model::order;
use std::collections::BTreeMap;

/// Longest search text kept from a link, in characters.
pub const MAX_QUERY_CHARS: usize = 500;

/// Something in a link that could not be used as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    UnknownParam {
        name: String,
    },
    RepeatedParam {
        name: String,
    },
    BadEncoding {
        name: String,
    },
    BadView {
        value: String,
    },
    MissingArticle,
    UnknownArticle {
        id: String,
    },
    ArticleIgnored {
        id: String,
    },
    /// A facet value (outlet, event, actor, …) that does not exist.
    UnknownValue {
        name: String,
        value: String,
    },
    BadParagraph {
        value: String,
    },
    UnknownLayer {
        value: String,
    },
    /// `articles` must name two different known articles.
    BadArticles {
        value: String,
    },
    UnknownLens {
        value: String,
    },
    UnknownZoom {
        value: String,
    },
    /// `lanes` other than `all`.
    BadLanes {
        value: String,
    },
    BadDate {
        name: String,
        value: String,
    },
    ReversedRange {
        from: Date,
        to: Date,
    },
    BadLang {
        value: String,
    },
    QueryTooLong {
        chars: usize,
    },
    BadSort {
        value: String,
    },
    /// A column of the compare view's order that is not an article, or an order outside that view.
    BadOrder {
        value: String,
    },
    BadPage {
        value: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    pub state: ViewState,
    pub notices: Vec<Notice>,
}

const SCALARS: [&str; 15] = [
    "view", "article", "p", "layers", "articles", "order", "lens", "zoom", "lanes", "from", "to",
    "q", "sort", "page", "lang",
];

/// Decodes a query string (with or without the leading `?`) against the articles and facet
/// values of a library.
pub fn decode(query: &str, lib: &Library) -> Decoded {
    let index = lib.facets();
    let paragraphs = |id: &str| {
        lib.number(id)
            .and_then(|i| lib.entry(i))
            .map(|e| e.paragraphs)
    };
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut notices = Vec::new();
    let mut raw: BTreeMap<String, String> = BTreeMap::new();

    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(name) = percent_decode(k) else {
            notices.push(Notice::BadEncoding {
                name: k.to_string(),
            });
            continue;
        };
        if !SCALARS.contains(&name.as_str()) && Facet::from_param(&name).is_none() {
            notices.push(Notice::UnknownParam { name });
            continue;
        }
        if raw.contains_key(&name) {
            // The first occurrence wins; later ones are named and dropped.
            if !notices.contains(&Notice::RepeatedParam { name: name.clone() }) {
                notices.push(Notice::RepeatedParam { name });
            }
            continue;
        }
        // Lists are split before decoding, so that an escaped comma stays inside its value.
        let is_list = matches!(name.as_str(), "layers" | "articles" | "order")
            || Facet::from_param(&name).is_some();
        let decoded = if is_list {
            v.split(',')
                .map(percent_decode)
                .collect::<Option<Vec<_>>>()
                .map(|parts| parts.join("\u{0}"))
        } else {
            percent_decode(v)
        };
        match decoded {
            Some(value) => {
                raw.insert(name, value);
            }
            None => notices.push(Notice::BadEncoding { name }),
        }
    }
    let mut take = |k: &str| raw.remove(k);
    let (view, article, p, layers, from, to, q, lang) = (
        take("view"),
        take("article"),
        take("p"),
        take("layers"),
        take("from"),
        take("to"),
        take("q"),
        take("lang"),
    );
    let (articles, lens, zoom) = (take("articles"), take("lens"), take("zoom"));
    let order = take("order");
    let lanes = take("lanes");
    let (sort, page) = (take("sort"), take("page"));
    let facet_values: Vec<(Facet, String)> = Facet::ALL
        .iter()
        .filter_map(|f| take(f.param()).map(|v| (*f, v)))
        .collect();
    let mut state = ViewState::default();

    if let Some(v) = lang {
        match Lang::from_code(&v) {
            Some(l) => state.lang = l,
            None => notices.push(Notice::BadLang { value: v }),
        }
    }

    let requested_view = match view.as_deref() {
        None => None,
        Some(v) => match View::from_name(v) {
            Some(view) => Some(view),
            None => {
                notices.push(Notice::BadView {
                    value: v.to_string(),
                });
                None
            }
        },
    };
    let article = article.filter(|a| !a.is_empty());
    let known_article = match article {
        Some(id) if paragraphs(&id).is_some() => Some(id),
        Some(id) => {
            notices.push(Notice::UnknownArticle { id });
            None
        }
        None => None,
    };
    match (requested_view, known_article) {
        // A link naming an article (with `view=read`, or with no view at all) opens the reader.
        (Some(View::Read) | None, Some(id)) => {
            state.view = View::Read;
            state.article = Some(id);
        }
        (Some(View::Read), None) => {
            if !notices
                .iter()
                .any(|n| matches!(n, Notice::UnknownArticle { .. }))
            {
                notices.push(Notice::MissingArticle);
            }
        }
        (Some(View::Library | View::Compare | View::Timeline), Some(id)) => {
            state.view = requested_view.unwrap_or_default();
            notices.push(Notice::ArticleIgnored { id });
        }
        (Some(v @ (View::Compare | View::Timeline)), None) => state.view = v,
        (Some(View::Library) | None, None) => {}
    }

    if let Some(list) = articles {
        let ids: Vec<&str> = list
            .split('\u{0}')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let ok =
            ids.len() == 2 && ids[0] != ids[1] && ids.iter().all(|id| paragraphs(id).is_some());
        if ok && state.view == View::Compare {
            state.articles = ids.iter().map(|s| s.to_string()).collect();
        } else {
            notices.push(Notice::BadArticles {
                value: ids.join(","),
            });
        }
    }
    if let Some(l) = lens.filter(|l| !l.is_empty()) {
        match Lens::from_name(&l) {
            Some(lens) if state.view == View::Compare => state.lens = Some(lens),
            _ => notices.push(Notice::UnknownLens { value: l }),
        }
    }
    if let Some(z) = zoom.filter(|z| !z.is_empty()) {
        match Zoom::from_name(&z) {
            Some(zoom) => state.zoom = zoom,
            None => notices.push(Notice::UnknownZoom { value: z }),
        }
    }
    if let Some(v) = lanes.filter(|v| !v.is_empty()) {
        match v.trim() {
            "all" => state.all_lanes = true,
            _ => notices.push(Notice::BadLanes { value: v }),
        }
    }

    if let Some(p) = p.filter(|p| !p.is_empty()) {
        let count = state.article.as_deref().and_then(paragraphs);
        match (p.trim().parse::<u32>(), count) {
            (Ok(n), Some(count)) if (1..=count).contains(&n) => state.paragraph = Some(n),
            _ => notices.push(Notice::BadParagraph { value: p }),
        }
    }

    if let Some(list) = layers {
        for name in list.split('\u{0}').map(str::trim).filter(|s| !s.is_empty()) {
            match AnnotationLayer::from_name(name) {
                Some(l) if !state.layers.contains(&l) => state.layers.push(l),
                Some(_) => {}
                None => notices.push(Notice::UnknownLayer {
                    value: name.to_string(),
                }),
            }
        }
        order::sort(&mut state.layers);
    }

    for (facet, list) in facet_values {
        let mut chosen: Vec<String> = Vec::new();
        for value in list.split('\u{0}').map(str::trim).filter(|s| !s.is_empty()) {
            if index.is_known(facet, value) {
                if !chosen.iter().any(|c| c == value) {
                    chosen.push(value.to_string());
                }
            } else {
                let n = Notice::UnknownValue {
                    name: facet.param().to_string(),
                    value: value.to_string(),
                };
                if !notices.contains(&n) {
                    notices.push(n);
                }
            }
        }
        order::sort_by_key(&mut chosen, |v| index.order(facet, v));
        if !chosen.is_empty() {
            state.filter.facets.insert(facet, chosen);
        }
    }

    let mut date = |name: &str, value: Option<String>| -> Option<Date> {
        let value = value.filter(|v| !v.is_empty())?;
        match Date::parse_iso(value.trim()) {
            Ok(d) => Some(d),
            Err(_) => {
                notices.push(Notice::BadDate {
                    name: name.to_string(),
                    value,
                });
                None
            }
        }
    };
    state.filter.from = date("from", from);
    state.filter.to = date("to", to);
    if let (Some(f), Some(t)) = (state.filter.from, state.filter.to)
        && f > t
    {
        notices.push(Notice::ReversedRange { from: f, to: t });
        state.filter.from = Some(t);
        state.filter.to = Some(f);
    }

    if let Some(q) = q {
        let chars = q.chars().count();
        if chars > MAX_QUERY_CHARS {
            notices.push(Notice::QueryTooLong { chars });
            state.q = q.chars().take(MAX_QUERY_CHARS).collect();
        } else {
            state.q = q;
        }
    }

    if let Some(list) = order {
        let ids: Vec<&str> = list
            .split('\u{0}')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let on_event = matches!(
            super::compare::mode(&state),
            super::compare::CompareMode::Event(_)
        );
        for id in ids {
            if on_event && paragraphs(id).is_some() {
                if !state.order.iter().any(|x| x == id) {
                    state.order.push(id.to_string());
                }
            } else {
                notices.push(Notice::BadOrder {
                    value: id.to_string(),
                });
            }
        }
    }
    if let Some(v) = sort.filter(|v| !v.is_empty()) {
        match Sort::from_name(v.trim()) {
            // Relevance needs a search; without one the list keeps its default order.
            Some(Sort::Relevance) if !state.searching() => {
                notices.push(Notice::BadSort { value: v });
            }
            // The default is left out of links.
            Some(x) if x == Sort::default_for(state.searching()) => {}
            Some(x) => state.sort = Some(x),
            None => notices.push(Notice::BadSort { value: v }),
        }
    }
    if let Some(v) = page.filter(|v| !v.is_empty()) {
        match v.trim().parse::<u32>() {
            Ok(1) => {}
            Ok(n) if n > 1 && matches!(state.view, View::Library) => state.page = Some(n),
            _ => notices.push(Notice::BadPage { value: v }),
        }
    }

    Decoded { state, notices }
}

/// The canonical query string of a state, without the leading `?`. Defaults are left out, so the
/// plain library in Arabic is the empty string. `decode(encode(s)) == s` for every valid state.
pub fn encode(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    let list = |values: &mut dyn Iterator<Item = &str>| {
        values.map(percent_encode).collect::<Vec<_>>().join(",")
    };
    if state.view != View::Library {
        parts.push(format!("view={}", state.view.name()));
    }
    if let (View::Read, Some(a)) = (state.view, &state.article) {
        parts.push(format!("article={}", percent_encode(a)));
        if let Some(p) = state.paragraph {
            parts.push(format!("p={p}"));
        }
    }
    if state.view == View::Compare && !state.articles.is_empty() {
        parts.push(format!(
            "articles={}",
            list(&mut state.articles.iter().map(String::as_str))
        ));
    }
    if !state.order.is_empty()
        && matches!(
            super::compare::mode(state),
            super::compare::CompareMode::Event(_)
        )
    {
        parts.push(format!(
            "order={}",
            list(&mut state.order.iter().map(String::as_str))
        ));
    }
    if let (View::Compare, Some(l)) = (state.view, state.lens) {
        parts.push(format!("lens={}", l.name()));
    }
    if state.zoom != Zoom::default() {
        parts.push(format!("zoom={}", state.zoom.name()));
    }
    if state.all_lanes {
        parts.push("lanes=all".into());
    }
    if !state.layers.is_empty() {
        parts.push(format!(
            "layers={}",
            list(&mut state.layers.iter().map(|l| l.name()))
        ));
    }
    for facet in Facet::ALL {
        let values = state.selected(facet);
        if !values.is_empty() {
            parts.push(format!(
                "{}={}",
                facet.param(),
                list(&mut values.iter().map(String::as_str))
            ));
        }
    }
    if let Some(f) = state.filter.from {
        parts.push(format!("from={f}"));
    }
    if let Some(t) = state.filter.to {
        parts.push(format!("to={t}"));
    }
    if !state.q.is_empty() {
        parts.push(format!("q={}", percent_encode(&state.q)));
    }
    if let Some(sort) = state
        .sort
        .filter(|s| *s != Sort::default_for(state.searching()))
    {
        parts.push(format!("sort={}", sort.name()));
    }
    if state.view == View::Library && state.page() > 1 {
        parts.push(format!("page={}", state.page()));
    }
    if state.lang != Lang::default() {
        parts.push(format!("lang={}", state.lang.code()));
    }
    parts.join("&")
}

/// Percent-encodes everything but RFC 3986 unreserved characters and `:` (which qualifies facet
/// values such as `hmc-launch:main`). A comma inside a value is escaped: commas separate values.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (as a space). `None` if an escape is broken or the bytes are
/// not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = b.get(i + 1..i + 3)?;
                let hi = (hex[0] as char).to_digit(16)?;
                let lo = (hex[1] as char).to_digit(16)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
