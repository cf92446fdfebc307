//! The one codec between a view and its link: `ViewState <-> query string`.
//!
//! All view state lives in the query string of a single path, so a link works on any static host,
//! at any sub-path, and from `file://`. Decoding never panics and never gives up: every part of a
//! link that cannot be used is dropped with a [`Notice`], and the rest is kept.

use crate::date::Date;
use crate::i18n::Lang;
use crate::model::Corpus;

/// Longest search text kept from a link, in characters.
pub const MAX_QUERY_CHARS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Library,
    Read,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Library => "library",
            View::Read => "read",
        }
    }
    pub fn from_name(s: &str) -> Option<View> {
        match s {
            "library" => Some(View::Library),
            "read" => Some(View::Read),
            _ => None,
        }
    }
}

/// Everything that decides what the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub view: View,
    /// Set exactly when `view == Read`, and always a known article id.
    pub article: Option<String>,
    /// Selected outlet ids, in corpus order, without repeats. Empty = all outlets.
    pub outlets: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Search text, verbatim as typed.
    pub q: String,
    pub lang: Lang,
}

/// Something in a link that could not be used as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    UnknownParam { name: String },
    RepeatedParam { name: String },
    BadEncoding { name: String },
    BadView { value: String },
    MissingArticle,
    UnknownArticle { id: String },
    ArticleIgnored { id: String },
    UnknownOutlet { id: String },
    BadDate { name: String, value: String },
    ReversedRange { from: Date, to: Date },
    BadLang { value: String },
    QueryTooLong { chars: usize },
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    pub state: ViewState,
    pub notices: Vec<Notice>,
}

const KNOWN: [&str; 7] = ["view", "article", "outlet", "from", "to", "q", "lang"];

/// Decodes a query string (with or without the leading `?`) against the corpus.
pub fn decode(query: &str, corpus: &Corpus) -> Decoded {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut notices = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut raw: [Option<String>; 7] = Default::default();

    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(name) = percent_decode(k) else {
            notices.push(Notice::BadEncoding {
                name: k.to_string(),
            });
            continue;
        };
        let Some(slot) = KNOWN.iter().position(|n| *n == name) else {
            notices.push(Notice::UnknownParam { name });
            continue;
        };
        if seen.contains(&KNOWN[slot]) {
            // The first occurrence wins; later ones are named and dropped.
            if !notices.contains(&Notice::RepeatedParam { name: name.clone() }) {
                notices.push(Notice::RepeatedParam { name });
            }
            continue;
        }
        seen.push(KNOWN[slot]);
        match percent_decode(v) {
            Some(value) => raw[slot] = Some(value),
            None => notices.push(Notice::BadEncoding { name }),
        }
    }
    let [view, article, outlet, from, to, q, lang] = raw;
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
        Some(id) if corpus.article(&id).is_some() => Some(id),
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
        (Some(View::Library), Some(id)) => notices.push(Notice::ArticleIgnored { id }),
        (Some(View::Library) | None, None) => {}
    }

    if let Some(list) = outlet {
        let mut wanted: Vec<&str> = Vec::new();
        for id in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if corpus.outlet(id).is_some() {
                wanted.push(id);
            } else if !notices.contains(&Notice::UnknownOutlet { id: id.to_string() }) {
                notices.push(Notice::UnknownOutlet { id: id.to_string() });
            }
        }
        state.outlets = corpus
            .outlets
            .iter()
            .filter(|o| wanted.contains(&o.id.as_str()))
            .map(|o| o.id.clone())
            .collect();
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
    state.from = date("from", from);
    state.to = date("to", to);
    if let (Some(f), Some(t)) = (state.from, state.to)
        && f > t
    {
        notices.push(Notice::ReversedRange { from: f, to: t });
        state.from = Some(t);
        state.to = Some(f);
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

    Decoded { state, notices }
}

/// The canonical query string of a state, without the leading `?`. Defaults are left out, so the
/// plain library in Arabic is the empty string. `decode(encode(s)) == s` for every valid state.
pub fn encode(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    if state.view != View::Library {
        parts.push(format!("view={}", state.view.name()));
    }
    if let (View::Read, Some(a)) = (state.view, &state.article) {
        parts.push(format!("article={}", percent_encode(a)));
    }
    if !state.outlets.is_empty() {
        let ids: Vec<String> = state.outlets.iter().map(|o| percent_encode(o)).collect();
        parts.push(format!("outlet={}", ids.join(",")));
    }
    if let Some(f) = state.from {
        parts.push(format!("from={f}"));
    }
    if let Some(t) = state.to {
        parts.push(format!("to={t}"));
    }
    if !state.q.is_empty() {
        parts.push(format!("q={}", percent_encode(&state.q)));
    }
    if state.lang != Lang::default() {
        parts.push(format!("lang={}", state.lang.code()));
    }
    parts.join("&")
}

/// Percent-encodes everything but RFC 3986 unreserved characters (and `,`, which separates ids).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
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
