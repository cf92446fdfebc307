//! The results of a search, as keyword-in-context lines: in the release build, a wasm module of
//! its own (`crate::split`), fetched ahead once the library is drawn or when the search box is
//! pointed at.

use super::Settled;
use crate::data::{store, when_idle};
use crate::split::prefetch;
use crate::state::use_url_state;
use crate::widgets::{Pager, loading, outlet_of, tr};
use leptos::prelude::*;
use marsad_core::analysis::results::{Narrowing, without};
use marsad_core::bundle::FileId;
use marsad_core::bundle::library::indexed_block;
use marsad_core::text::search::run::Matched;
use marsad_core::text::search::{block_hits, parse_query};
use marsad_core::view::i18n::{
    Lang, Msg, facet_name, hidden_count, results_count, t, unfinished_word,
};
use marsad_core::view::pages::{LastSearch, SearchPage};
use marsad_core::view::url::{Sort, View, ViewState};
use std::sync::{Arc, Mutex};

/// Keyword-in-context lines shown per article (the rest are counted).
const LINES_PER_ARTICLE: usize = 3;

/// Results of the current search within the current filters.
#[component]
pub fn SearchResults(settled: Settled) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let q = Memo::new(move |_| st.get().q);
    // Searched again only when the query changes, grouped and ordered again only when the
    // filter or the order does: texts arriving and paging reuse the ranking.
    let last = Arc::new(Mutex::new(LastSearch::default()));
    // The texts of the first screen of a page's articles (their lines and titles) are asked for
    // as soon as the page is known, before it is drawn, so that they are on their way meanwhile:
    // at once when no file is on its way, else once those on their way have arrived or typing
    // pauses. While typing, one batch at a time: fast typing never queues the page of every
    // half-typed word, and the results of the last word are drawn one batch after the last key,
    // not after a fixed pause. (Files loaded or on their way are not asked for again.)
    let page = Memo::new(move |_| {
        let (lib, s) = (store().lib(), st.get());
        let p = last
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .page(&lib, &s);
        if let Some(p) = &p
            && (store().idle() || settled.is(&s.q))
        {
            store().request(lib.text_needs(p.first_screen().0));
        }
        p
    });
    // What is on screen: this query's page, or, while its postings are on their way, the last
    // query's results (dimmed and marked busy), so that the list does not empty and fill again
    // at each keystroke. A stale "no results" is not kept: it would say something false.
    let shown = Memo::new(move |prev: Option<&Option<Shown>>| match page.get() {
        Some(p) => Some(Shown {
            q: q.get(),
            page: p,
        }),
        None => prev
            .and_then(Option::clone)
            .filter(|s| s.page.results.total > 0),
    });
    let stale = Memo::new(move |_| page.with(Option::is_none) && shown.with(Option::is_some));
    // The view's state without the query and the page: the results' links are made from it and
    // the query their page was made for, so that a keystroke does not redraw every row.
    let here = Memo::new(move |_| {
        st.with(|s| ViewState {
            q: String::new(),
            page: None,
            ..s.clone()
        })
    });
    let sort = Memo::new(move |_| st.with(ViewState::sort));
    // The last word while it is too short to search, and whether nothing else is searched.
    let parsed = Memo::new(move |_| {
        let p = parse_query(&q.get());
        (p.unfinished, p.clauses.is_empty())
    });
    // Once typing has paused, the rest of the page's texts are fetched ahead when the first
    // screen is in (not waited for: the first screen is drawn without them), so that scrolling
    // down or printing finds them; a page left before then, or while they are on their way,
    // fetches no more of them.
    let ahead = StoredValue::new(Vec::<u32>::new());
    on_cleanup(|| store().cancel_prefetch());
    Effect::new(move |_| {
        let Some(p) = page.get() else { return };
        let paused = settled.is(&q.get_untracked());
        let rest = p.first_screen().1;
        if ahead.with_value(|a| !a.is_empty() && a != rest) {
            ahead.set_value(Vec::new());
            store().cancel_prefetch();
        }
        if paused && ahead.with_value(|a| a != rest) {
            let rest = rest.to_vec();
            ahead.set_value(rest.clone());
            when_idle(move || {
                if ahead.try_with_value(|a| *a == rest) == Some(true) {
                    store().prefetch(store().lib_untracked().text_needs(&rest));
                }
            });
        }
    });
    // Copy, so that the closures below can be rebuilt as often as needed.
    let us_drop = StoredValue::new(us.clone());
    let way_out = move || {
        let s = st.get();
        let p = page.get()?;
        let r = &p.results;
        if r.total != 0 || r.hidden == 0 {
            return None;
        }
        let lib = store().lib();
        let (n, total) = lib.narrowest(&parse_query(&s.q), &s.filter)?;
        let l = s.lang;
        let what = match &n {
            Narrowing::Value(f, v) => {
                let label = lib.facets().value(*f, v).map(|x| match l {
                    Lang::Ar => x.label_ar.clone(),
                    Lang::En => x.label_en.clone(),
                });
                format!(
                    "{}: {}",
                    facet_name(l, *f),
                    label.unwrap_or_else(|| v.clone())
                )
            }
            Narrowing::Dates => t(l, Msg::DateFilter).to_string(),
        };
        let target = ViewState {
            filter: without(&s.filter, &n, lib.facets()),
            page: None,
            ..s.clone()
        };
        let us = us_drop.get_value();
        Some(view! {
            <button type="button" class="drop-filter" data-testid="drop-filter" on:click=move |_| us.push(&target)>
                {format!("{} ({what}) → {total}", t(l, Msg::DropFilter))}
            </button>
        })
    };
    // The rows on screen, grouped by outlet when sorted so: each row is drawn once, and a
    // keystroke that keeps it on screen updates its lines and links in place.
    let groups = Memo::new(move |_| {
        let by_outlet = sort.get() == Sort::Outlet;
        shown.with(|s| {
            s.as_ref()
                .map(|s| groups_of(&s.page, by_outlet))
                .unwrap_or_default()
        })
    });
    let shown_q =
        Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.q.clone()).unwrap_or_default()));
    let paged = Signal::derive(move || {
        shown.with(|s| s.as_ref().map(|s| s.page.page.clone()).unwrap_or_default())
    });
    view! {
        <section
            class="search-results"
            data-testid="search-results"
            data-q=move || st.get().q
            data-ready=move || page.get().is_some().to_string()
            aria-busy=move || stale.get().to_string()
        >
            {move || match shown.with(|s| s.as_ref().map(|s| s.page.results.clone())) {
                Some(r) if !stale.get() => {
                    let l = lang.get();
                    view! {
                        <p class="results-count" data-testid="hit-count">
                            {results_count(l, r.total, r.articles.len())}
                        </p>
                    }
                    .into_any()
                }
                _ => loading(lang.get()).into_any(),
            }}
            {move || parsed.get().0.map(|w| view! {
                <p class="results-note" data-testid="unfinished">{unfinished_word(lang.get(), &w)}</p>
            })}
            <Show when=move || page.get().is_some_and(|p| p.results.total == 0) && !parsed.get().1>
                <div class="no-results" data-testid="no-hits">
                    <p>{move || t(lang.get(), Msg::NoHits)}</p>
                    <Show when=move || page.get().is_some_and(|p| p.results.hidden > 0)>
                        <p>{move || hidden_count(lang.get(), page.get().map_or(0, |p| p.results.hidden))}</p>
                    </Show>
                    {way_out}
                </div>
            </Show>
            <For
                each=move || groups.get()
                key=|g| g.key
                children=move |g| result_group(g.key, groups, shown, shown_q, here)
            />
            <Pager paged=paged />
        </section>
    }
}

/// The results on screen: a page, and the query it was made for.
#[derive(Clone, PartialEq)]
struct Shown {
    q: String,
    page: SearchPage,
}

/// The rows of one outlet when the results are sorted by outlet (`key.0`: its number), else
/// every row (`key.0`: `None`). `key.1` tells apart two runs of one outlet, should a page ever
/// hold them.
#[derive(Clone, PartialEq)]
struct Group {
    key: (Option<u32>, u32),
    articles: Vec<u32>,
}

/// The page's articles that have hits, in its order, grouped by outlet when `by_outlet`.
fn groups_of(p: &SearchPage, by_outlet: bool) -> Vec<Group> {
    let lib = store().lib_untracked();
    let mut out: Vec<Group> = Vec::new();
    for &a in &p.page.items {
        if p.hits(a).is_none() {
            continue;
        }
        let outlet = if by_outlet {
            lib.entry(a).map(|e| e.outlet)
        } else {
            None
        };
        match out.last_mut() {
            Some(g) if g.key.0 == outlet => g.articles.push(a),
            _ => {
                let runs = out.iter().filter(|g| g.key.0 == outlet).count() as u32;
                out.push(Group {
                    key: (outlet, runs),
                    articles: vec![a],
                });
            }
        }
    }
    out
}

/// One group of rows: under its outlet's heading and count when sorted by outlet.
fn result_group(
    key: (Option<u32>, u32),
    groups: Memo<Vec<Group>>,
    shown: Memo<Option<Shown>>,
    q: Memo<String>,
    here: Memo<ViewState>,
) -> AnyView {
    let articles = Memo::new(move |_| {
        groups.with(|gs| {
            gs.iter()
                .find(|g| g.key == key)
                .map(|g| g.articles.clone())
                .unwrap_or_default()
        })
    });
    let rows = view! {
        <For
            each=move || articles.get()
            key=|a| *a
            children=move |a| view! { <ResultArticle article=a shown=shown q=q here=here /> }
        />
    };
    let Some(o) = key.0 else {
        return rows.into_any();
    };
    let lang = use_url_state().lang;
    let lib = store().lib_untracked();
    let outlet = lib.summary().outlets.get(o as usize).cloned();
    let id = outlet.as_ref().map(|x| x.id.clone()).unwrap_or_default();
    let name = move || {
        outlet.as_ref().map(|x| match lang.get() {
            Lang::Ar => x.name_ar.clone(),
            Lang::En => x.name_en.clone(),
        })
    };
    let hits = move || {
        let n = shown.with(|s| s.as_ref().map_or(0, |s| s.page.outlet_hits(o)));
        format!("{} {}", n, t(lang.get(), Msg::Hits))
    };
    view! {
        <section class="outlet-group" data-outlet=id>
            <h2 class="outlet-group-title">
                {name}
                <span class="facet-count" data-testid="outlet-hits">{hits}</span>
            </h2>
            {rows}
        </section>
    }
    .into_any()
}

/// One keyword-in-context line: its paragraph, and its words with the hits marked.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Line {
    /// The paragraph's number in the article, if it has one (the reader opens there).
    number: Option<u32>,
    cut_before: bool,
    cut_after: bool,
    /// The snippet verbatim, in runs: `true` for a hit.
    parts: Vec<(String, bool)>,
}

/// The lines of an article's hits `docs` (best first, as many as `take`), with what `matched`
/// marked; `None` while its text is on its way.
fn lines_of(article: u32, docs: &[u32], matched: &Matched, take: usize) -> Option<Vec<Line>> {
    let lib = store().lib_untracked();
    let text = lib.text(article)?;
    let lines = docs
        .iter()
        .take(take)
        .filter_map(|&d| {
            let (_, k) = lib.doc_article(d)?;
            let b = text.blocks[indexed_block(&text, k)?];
            let h = block_hits(&text.text, b.start as usize..b.end as usize, matched)?;
            let snippet = &text.text[h.snippet.range.clone()];
            let mut parts = Vec::new();
            let mut at = 0;
            for m in &h.snippet.marks {
                if m.start > at {
                    parts.push((snippet[at..m.start].to_string(), false));
                }
                parts.push((snippet[m.clone()].to_string(), true));
                at = m.end;
            }
            parts.push((snippet[at..].to_string(), false));
            Some(Line {
                number: b.number,
                cut_before: h.snippet.cut_before,
                cut_after: h.snippet.cut_after,
                parts,
            })
        })
        .collect();
    Some(lines)
}

/// One article of the results: its title and its best lines. It stays on screen while later
/// keystrokes keep it in the results: its lines are drawn again only where they change, and its
/// links follow the query (`q`) and the rest of the view's state (`here`, without the query and
/// the page).
#[component]
fn ResultArticle(
    article: u32,
    shown: Memo<Option<Shown>>,
    q: Memo<String>,
    here: Memo<ViewState>,
) -> impl IntoView {
    let us = use_url_state();
    let lang = us.lang;
    let lib0 = store().lib_untracked();
    let Some(entry) = lib0.entry(article).cloned() else {
        return ().into_any();
    };
    let id = entry.id.clone();
    let fallback = entry.id.clone();
    let expanded = RwSignal::new(false);
    // Redrawn when this article's own text or title arrives, not for every file.
    let text = Memo::new(move |_| store().lib().has(FileId::Text(article)));
    let title = Memo::new(move |_| store().lib().title(article));
    // This article's hits on the page on screen, and what the query's words matched.
    let found = Memo::new(move |_| {
        shown.with(|s| {
            s.as_ref().and_then(|s| {
                let h = s.page.hits(article)?;
                Some((h.docs.clone(), s.page.matched.clone()))
            })
        })
    });
    let lines = Memo::new(move |_| {
        text.track();
        let take = if expanded.get() {
            usize::MAX
        } else {
            LINES_PER_ARTICLE
        };
        found.with(|f| match f {
            Some((docs, matched)) => lines_of(article, docs, matched, take),
            None => Some(Vec::new()),
        })
    });
    let more = Memo::new(move |_| {
        let n = found.with(|f| f.as_ref().map_or(0, |(docs, _)| docs.len()));
        if expanded.get() {
            0
        } else {
            n.saturating_sub(LINES_PER_ARTICLE)
        }
    });
    // The reader on this article (at `paragraph`), with the results' query marked.
    let reader = move |paragraph: Option<u32>| {
        us.href(&ViewState {
            view: View::Read,
            article: Some(entry.id.clone()),
            paragraph,
            page: None,
            q: q.get(),
            ..here.get()
        })
    };
    let reader_of_line = reader.clone();
    let line = move |l: Line| {
        let reader = reader_of_line.clone();
        let pnum = l.number.map(|n| format!("¶{n}"));
        let parts = l
            .parts
            .into_iter()
            .map(|(s, hit)| {
                if hit {
                    view! { <mark class="hit">{s}</mark> }.into_any()
                } else {
                    s.into_any()
                }
            })
            .collect_view();
        view! {
            <li class="kwic">
                <a href=move || reader(l.number) data-testid="kwic" on:pointerenter=|_| prefetch(View::Read) on:focus=|_| prefetch(View::Read)>
                    <span class="kwic-p">{pnum}</span>
                    <span class="kwic-text" lang="ar" dir="rtl">
                        {l.cut_before.then_some("… ")}
                        {parts}
                        {l.cut_after.then_some(" …")}
                    </span>
                </a>
            </li>
        }
    };
    view! {
        <div class="kwic-article" data-article=id>
            <p class="row-meta">
                <span class="outlet-name">{move || outlet_of(article, lang.get())}</span>
            </p>
            <a class="kwic-title" href=move || reader(None) lang="ar" dir="rtl" on:pointerenter=|_| prefetch(View::Read) on:focus=|_| prefetch(View::Read)>
                {move || title.get().unwrap_or_else(|| fallback.clone())}
            </a>
            <ul class="kwic-lines">
                {move || lines.with(Option::is_none).then(|| loading(lang.get()))}
                <For each=move || lines.get().unwrap_or_default() key=|l| l.clone() children=line />
            </ul>
            {move || (more.get() > 0).then(|| {
                let n = more.get();
                view! {
                    <button type="button" class="kwic-more" data-testid="kwic-more" on:click=move |_| expanded.set(true)>
                        {format!("{} (+{n})", tr(lang.get(), "كل المواضع في هذا المقال", "Every match in this article"))}
                    </button>
                }
            })}
        </div>
    }
    .into_any()
}
