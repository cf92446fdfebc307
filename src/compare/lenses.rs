//! The corpus-wide lenses: what each outlet calls things (naming matrix), who is quoted in
//! each outlet (voices per outlet), and who states what (claims table).

use super::corpus::{Slice, corpus, key_label};
use crate::data::{slice, store};
use crate::state::use_url_state;
use crate::widgets::{loading, note, outlet_name, tr};
use leptos::prelude::*;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::compare::{Facet as Row, Stance};
use marsad_core::analysis::filter::Facet;
use marsad_core::bundle::{FileId, Lenses};
use marsad_core::model::category_labels;
use marsad_core::view::i18n::Lang;
use marsad_core::view::url::{Lens, View, ViewState};
use std::sync::Arc;

#[component]
pub(super) fn LensView() -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    let lang = Memo::new(move |_| st.get().lang);
    Effect::new(move |_| store().request(vec![FileId::Lenses]));
    move || {
        let l = lang.get();
        let s = st.get();
        let (Some(lenses), Some(defs)) = (store().lib().lenses(), slice(&[])) else {
            return loading(l).into_any();
        };
        provide_context(Slice(defs));
        let lenses: Arc<Lenses> = lenses;
        match s.lens {
            Some(Lens::Naming) => {
                let m = &lenses.naming;
                let head = m
                    .outlets
                    .iter()
                    .map(|o| view! { <th scope="col">{outlet_name(o, l)}</th> })
                    .collect_view();
                let rows = m
                    .rows
                    .iter()
                    .map(|r| {
                        let title = key_label(l, Row::Naming, &r.referent);
                        let cells = r
                            .cells
                            .iter()
                            .map(|c| {
                                let words = c
                                    .wordings
                                    .iter()
                                    .map(|w| {
                                        let mut target = ViewState { view: View::Library, articles: vec![], lens: None, ..s.clone() };
                                        target.filter.facets.clear();
                                        target.filter.facets.insert(Facet::Naming, vec![format!("{}:{}", r.referent, w.text)]);
                                        view! {
                                            <li>
                                                <a href=us.href(&target)><bdi lang="ar" dir="rtl">{w.text.clone()}</bdi></a>
                                                " "
                                                <span class="facet-count">{w.count}</span>
                                                {(w.auto > 0).then(|| view! { <span class="facet-auto">{format!(" · {} {}", w.auto, tr(l, "آلياً", "automatic"))}</span> })}
                                            </li>
                                        }
                                    })
                                    .collect_view();
                                if c.wordings.is_empty() {
                                    let lib = store().lib_untracked();
                                    let reason = lib
                                        .summary()
                                        .referents
                                        .iter()
                                        .find(|x| x.id == r.referent)
                                        .and_then(|x| {
                                            x.absent.iter().find(|a| {
                                                lib.number(&a.article)
                                                    .and_then(|i| lib.outlet_of(i))
                                                    .is_some_and(|o| o.id == c.outlet)
                                            })
                                        })
                                        .map(|a| a.reason_en.clone())
                                        .unwrap_or_default();
                                    return view! {
                                        <td class="not-mentioned" title=reason.clone()>
                                            {tr(l, "لا يُذكر", "not mentioned")}
                                            <span class="cell-note" lang="en" dir="ltr">{note(&reason)}</span>
                                        </td>
                                    }
                                    .into_any();
                                }
                                view! { <td><ul class="wordings">{words}</ul></td> }.into_any()
                            })
                            .collect_view();
                        view! { <tr data-referent=r.referent.clone()><th scope="row">{title}</th>{cells}</tr> }
                    })
                    .collect_view();
                view! {
                    <section class="lens" data-testid="naming-matrix">
                        <h1 class="results-title">{tr(l, "ماذا تسمّي كل وسيلة الأشياء", "What each outlet calls things")}</h1>
                        <crate::export::ExportMenu />
                        <div class="compare-scroll" tabindex="0" role="region" aria-label=tr(l, "جدول يمرَّر أفقيًا", "Table, scrolls sideways")><table class="matrix" aria-label=tr(l, "ماذا تسمّي كل وسيلة الأشياء", "What each outlet calls things")><thead><tr><td class="corner"></td>{head}</tr></thead><tbody>{rows}</tbody></table></div>
                    </section>
                }
                .into_any()
            }
            Some(Lens::Voices) => {
                let v = &lenses.voices;
                let cats = marsad_core::model::ACTOR_CATEGORIES;
                let head = v
                    .iter()
                    .map(|o| view! { <th scope="col">{outlet_name(&o.outlet, l)}</th> })
                    .collect_view();
                let rows = cats
                    .iter()
                    .map(|c| {
                        let (en, ar) = category_labels(c);
                        let cells = v.iter().map(|o| view! { <td class="num">{o.by_category.get(*c).copied().unwrap_or(0)}</td> }).collect_view();
                        view! { <tr><th scope="row">{tr(l, ar, en)}</th>{cells}</tr> }
                    })
                    .collect_view();
                let share = v.iter().map(|o| view! { <td class="num">{format!("{:.0}%", o.quoted_share * 100.0)}</td> }).collect_view();
                let only = v
                    .iter()
                    .map(|o| {
                        let names: Vec<String> = o
                            .only_here
                            .iter()
                            .filter_map(|id| corpus().knowledge.actor(id))
                            .map(|a| {
                                if l == Lang::Ar {
                                    a.name_ar.clone()
                                } else {
                                    a.name_en.clone()
                                }
                            })
                            .collect();
                        view! { <td class="only-here">{names.join(" · ")}</td> }
                    })
                    .collect_view();
                view! {
                    <section class="lens" data-testid="voices-lens">
                        <h1 class="results-title">{tr(l, "من يُقتبس في كل وسيلة", "Who is quoted in each outlet")}</h1>
                        <crate::export::ExportMenu />
                        <div class="compare-scroll" tabindex="0" role="region" aria-label=tr(l, "جدول يمرَّر أفقيًا", "Table, scrolls sideways")><table class="matrix" aria-label=tr(l, "من يُقتبس في كل وسيلة", "Who is quoted in each outlet")><thead><tr><td class="corner"></td>{head}</tr></thead>
                            <tbody>{rows}
                                <tr class="total"><th scope="row">{tr(l, "حصة الكلمات المقتبسة", "Share of words in quoted or attributed speech")}</th>{share}</tr>
                                <tr><th scope="row">{tr(l, "أصوات لا تُسمع إلا هنا", "Voices heard only here")}</th>{only}</tr>
                            </tbody></table></div>
                    </section>
                }
                .into_any()
            }
            Some(Lens::Claims) => {
                let tbl = &lenses.claims;
                let lib = store().lib_untracked();
                let head = tbl
                    .outlets
                    .iter()
                    .map(|o| view! { <th scope="col">{outlet_name(o, l)}</th> })
                    .collect_view();
                let _ = lib;
                let rows = tbl
                    .rows
                    .iter()
                    .map(|r| {
                        let title = r.title_en.clone();
                        let automatic = r.automatic;
                        let cells = r
                            .cells
                            .iter()
                            .map(|c| {
                                let (mark, class, label) = match c.stance {
                                    Stance::States => ("✓", "states", tr(l, "يذكره", "states")),
                                    Stance::Contradicts => ("✗", "contradicts", tr(l, "يناقضه", "contradicts")),
                                    Stance::Both => ("✓✗", "both", tr(l, "يذكره ويناقضه", "states and contradicts")),
                                    Stance::Absent => ("—", "absent", tr(l, "غائب", "absent")),
                                };
                                let target = c.spans.first().map(|sp| {
                                    ViewState {
                                        view: View::Read,
                                        article: Some(sp.article.clone()),
                                        paragraph: lenses.quotes.get(sp).and_then(|q| q.paragraph),
                                        layers: vec![AnnotationLayer::Claims],
                                        articles: vec![],
                                        lens: None,
                                        ..s.clone()
                                    }
                                });
                                let n = (c.articles > 1).then(|| format!(" ×{}", c.articles));
                                view! {
                                    <td class=format!("stance {class}") title=label>
                                        {match target {
                                            Some(t) => view! { <a href=us.href(&t) aria-label=label>{mark}</a> }.into_any(),
                                            None => view! { <span aria-label=label>{mark}</span> }.into_any(),
                                        }}
                                        {n}
                                    </td>
                                }
                            })
                            .collect_view();
                        view! {
                            <tr data-claim=r.claim.clone() class:automatic=automatic>
                                <th scope="row" lang="en" dir="ltr">
                                    {note(&title)}
                                    {automatic.then(|| view! { " " <span class="auto-badge">{tr(l, "آلياً", "found automatically")}</span> })}
                                </th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="lens" data-testid="claims-table">
                        <h1 class="results-title">{tr(l, "من يذكر ماذا", "Who states what")}</h1>
                        <crate::export::ExportMenu />
                        <div class="compare-scroll" tabindex="0" role="region" aria-label=tr(l, "جدول يمرَّر أفقيًا", "Table, scrolls sideways")><table class="matrix" aria-label=tr(l, "من يذكر ماذا", "Who states what")><thead><tr><td class="corner"></td>{head}</tr></thead><tbody>{rows}</tbody></table></div>
                    </section>
                }
                .into_any()
            }
            None => ().into_any(),
        }
    }
}
