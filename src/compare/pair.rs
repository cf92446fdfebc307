//! Two articles side by side: paragraphs aligned on their shared passages, each passage's
//! differences marked (letter variants, changed, added and dropped words, moved passages).

use crate::data::store;
use crate::state::use_url_state;
use crate::widgets::{loading, outlet_name, tr};
use leptos::prelude::*;
use marsad_core::analysis::compare::{DiffKind, Side, align_articles, side_segments};
use marsad_core::view::i18n::format_spec;

#[component]
pub(super) fn TwoArticles() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    let pair = Memo::new(move |_| {
        let lib = store().lib_untracked();
        st.get()
            .articles
            .iter()
            .filter_map(|id| lib.number(id))
            .collect::<Vec<u32>>()
    });
    Effect::new(move |_| {
        store().request(store().lib_untracked().text_needs(&pair.get()));
    });
    move || {
        let ids = pair.get();
        let l = lang.get();
        let (Some(a), Some(b)) = (
            ids.first().and_then(|&i| crate::data::text(i)),
            ids.get(1).and_then(|&i| crate::data::text(i)),
        ) else {
            return loading(l).into_any();
        };
        let al = align_articles(a, b);
        let side = |art: &'static marsad_core::Article, sd: Side, n: Option<u32>| {
            let Some(n) = n else {
                return view! { <div class="pair-cell empty-side"></div> }.into_any();
            };
            let Some(block) = art.blocks.iter().find(|x| x.number == Some(n)) else {
                return ().into_any();
            };
            let segs = side_segments(&al, sd, block.start as usize, block.end as usize);
            let parts = segs
                .into_iter()
                .map(|sg| {
                    let words = art.text[sg.range.clone()].to_string();
                    if !sg.shared && sg.diff.is_none() {
                        return words.into_any();
                    }
                    let diff = match sg.diff {
                        Some(DiffKind::Variant) => " diff-variant",
                        Some(DiffKind::Changed) => " diff-changed",
                        Some(DiffKind::Added) => " diff-added",
                        Some(DiffKind::Dropped) => " diff-dropped",
                        _ => "",
                    };
                    let class = format!(
                        "{}{}{}",
                        if sg.shared { "shared" } else { "" },
                        if sg.moved { " moved" } else { "" },
                        diff
                    );
                    view! { <mark class=class>{words}</mark> }.into_any()
                })
                .collect_view();
            view! {
                <div class="pair-cell" lang="ar" dir="rtl" data-p=n>
                    <span class="pair-pnum">{n}</span>
                    {parts}
                </div>
            }
            .into_any()
        };
        let rows = al
            .rows
            .iter()
            .map(|r| {
                let aligned = r.a.is_some() && r.b.is_some();
                view! {
                    <div class="pair-row" class:aligned=aligned data-a=r.a data-b=r.b>
                        {side(a, Side::A, r.a)}
                        {side(b, Side::B, r.b)}
                    </div>
                }
            })
            .collect_view();
        let title = |x: &marsad_core::Article| {
            format!(
                "{} — {}",
                outlet_name(&x.outlet, l),
                format_spec(&x.published, l)
            )
        };
        view! {
            <section class="two-articles" data-testid="two-articles">
                <h1 class="results-title">{tr(l, "مقالان جنبًا إلى جنب", "Two articles side by side")}</h1>
                <div class="pair-row pair-head">
                    <div><strong>{title(a)}</strong><bdi class="col-title" lang="ar" dir="rtl">{a.display_title_ar().to_string()}</bdi>
                        <p class="share" data-testid="share-a">{format!("{:.0}% {}", al.share_a * 100.0, tr(l, "من نصه مشترك مع الآخر", "of its words are shared with the other"))}</p></div>
                    <div><strong>{title(b)}</strong><bdi class="col-title" lang="ar" dir="rtl">{b.display_title_ar().to_string()}</bdi>
                        <p class="share" data-testid="share-b">{format!("{:.0}% {}", al.share_b * 100.0, tr(l, "من نصه مشترك مع الآخر", "of its words are shared with the other"))}</p></div>
                </div>
                <p class="legend">
                    <mark class="shared">{tr(l, "نص مشترك", "shared text")}</mark> " "
                    <mark class="shared diff-variant">{tr(l, "اختلاف في رسم الحروف", "letter variant")}</mark> " "
                    <mark class="shared diff-changed">{tr(l, "كلمة مختلفة", "changed word")}</mark> " "
                    <mark class="diff-added">{tr(l, "مضاف", "added")}</mark> " "
                    <mark class="diff-dropped">{tr(l, "محذوف", "dropped")}</mark> " "
                    <mark class="shared moved">{tr(l, "منقول من موضع آخر", "moved")}</mark>
                </p>
                {rows}
            </section>
        }
        .into_any()
    }
}
