//! The words of an article that made it match the knowledge filters (anything but outlets and
//! dates), under its row in the library, each a link to them in the reader. In the release build
//! this code is in a module of its own (see `crate::split`), fetched the first time a filter asks
//! for evidence, or ahead when the filters are pointed at or focused: the unfiltered first view
//! does not carry it.

use crate::data::store;
use crate::split::split_point;
use crate::state::use_url_state;
use leptos::prelude::*;
use marsad_core::analysis::annotate::AnnotationLayer;
use marsad_core::analysis::filter::{Facet, evidence};
use marsad_core::model::order;
use marsad_core::view::url::{View, ViewState};

use super::label;

/// The layer that shows a facet's evidence in the reader.
fn layer_for(facet: Facet) -> Option<AnnotationLayer> {
    match facet {
        Facet::Outlet => None,
        Facet::Event => Some(AnnotationLayer::Events),
        Facet::Actor | Facet::Voice => Some(AnnotationLayer::Voices),
        Facet::Naming => Some(AnnotationLayer::Naming),
        Facet::Technique => Some(AnnotationLayer::Techniques),
        Facet::Frame => Some(AnnotationLayer::Frames),
    }
}

split_point!(
    evidence,
    preload_evidence,
    pub(crate) fn evidence_rows(article: u32, id: String) -> crate::split::Loaded {
        Ok(view! { <EvidenceRows article=article id=id /> }.into_any())
    }
);

/// Starts fetching the evidence code, when the filters are pointed at or focused.
pub fn prefetch_evidence() {
    #[cfg(marsad_split)]
    leptos::task::spawn_local(async move {
        // A failure is shown, with a way to try again, if evidence is drawn.
        let _ = preload_evidence().await;
    });
}

/// For every selected knowledge value: the words of article `article` (id `id`) that match it.
/// Drawn only while a knowledge filter is on (`super::ArticleRow` decides).
#[component]
fn EvidenceRows(article: u32, id: String) -> impl IntoView {
    let us = use_url_state();
    let st = us.state;
    move || {
        let s = st.get();
        let lib = store().lib();
        let Some(corpus) = lib.corpus_of(&[article]) else {
            return ().into_any();
        };
        let l = s.lang;
        let mut rows = Vec::new();
        for facet in Facet::ALL.into_iter().filter(|f| *f != Facet::Outlet) {
            for value in s.selected(facet) {
                let spans = evidence(&corpus, &id, facet, value);
                if spans.is_empty() {
                    continue;
                }
                let index = lib.facets();
                let name = index.value(facet, value).map(|v| {
                    let parent = v.parent.as_deref().and_then(|p| index.value(facet, p));
                    match parent {
                        Some(p) => format!("{} · {}", label(p, l), label(v, l)),
                        None => label(v, l),
                    }
                });
                let chips = spans
                    .into_iter()
                    .take(6)
                    .map(|span| {
                        let block = corpus.block_of(&span).copied();
                        let mut target = ViewState {
                            view: View::Read,
                            article: Some(id.clone()),
                            page: None,
                            ..s.clone()
                        };
                        target.paragraph = block.and_then(|b| b.number);
                        if let Some(layer) = layer_for(facet)
                            && !target.layers.contains(&layer)
                        {
                            target.layers.push(layer);
                            order::sort(&mut target.layers);
                        }
                        let words = corpus.span_text(&span);
                        let shown: String = if words.chars().count() > 90 {
                            format!("{}…", words.chars().take(90).collect::<String>())
                        } else {
                            words.to_string()
                        };
                        let pnum = block.and_then(|b| b.number).map(|n| format!("¶{n}"));
                        view! {
                            <a class="evidence-chip" href=us.href(&target) data-testid="evidence">
                                <bdi lang="ar" dir="rtl" class="evidence-words">{shown}</bdi>
                                {pnum.map(|p| view! { <span class="evidence-p">{p}</span> })}
                            </a>
                        }
                    })
                    .collect_view();
                rows.push(view! {
                    <div class="evidence-row" data-facet=facet.param()>
                        <span class="evidence-label">{name.unwrap_or_default()}</span>
                        {chips}
                    </div>
                });
            }
        }
        rows.collect_view().into_any()
    }
}
