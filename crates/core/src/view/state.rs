//! Everything that decides what the page shows: the view, its article or articles, the reader's
//! layers, the filter, the search text and the interface language. The link is its encoding
//! ([`super::url`]).

use crate::analysis::annotate::AnnotationLayer;
use crate::analysis::filter::{Facet, Filter};
pub use crate::analysis::results::Sort;
pub use crate::analysis::timeline::Zoom;
use crate::model::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Library,
    Read,
    /// Outlets side by side on one event (`event`), two articles (`articles`), or a lens.
    Compare,
    Timeline,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Library => "library",
            View::Read => "read",
            View::Compare => "compare",
            View::Timeline => "timeline",
        }
    }
    pub fn from_name(s: &str) -> Option<View> {
        match s {
            "library" => Some(View::Library),
            "read" => Some(View::Read),
            "compare" => Some(View::Compare),
            "timeline" => Some(View::Timeline),
            _ => None,
        }
    }
}

/// A corpus-wide lens of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lens {
    Naming,
    Voices,
    Claims,
}

impl Lens {
    pub const ALL: [Lens; 3] = [Lens::Naming, Lens::Voices, Lens::Claims];
    pub fn name(self) -> &'static str {
        match self {
            Lens::Naming => "naming",
            Lens::Voices => "voices",
            Lens::Claims => "claims",
        }
    }
    pub fn from_name(s: &str) -> Option<Lens> {
        Lens::ALL.into_iter().find(|l| l.name() == s)
    }
}

/// Everything that decides what the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub view: View,
    /// Set exactly when `view == Read`, and always a known article id.
    pub article: Option<String>,
    /// A paragraph of the article in the reader (1-based), only in the reader.
    pub paragraph: Option<u32>,
    /// Annotation layers shown in the reader, in canonical order.
    pub layers: Vec<AnnotationLayer>,
    /// Two articles compared side by side (compare view only).
    pub articles: Vec<String>,
    /// The order of the columns when outlets are compared on one event: article ids, first
    /// column first (compare view only; columns not named keep their place after these).
    pub order: Vec<String>,
    /// A corpus-wide lens (compare view only).
    pub lens: Option<Lens>,
    pub zoom: Zoom,
    /// Timeline: every outlet in a lane of its own, instead of the outlets with most articles
    /// and one lane for the rest.
    pub all_lanes: bool,
    /// Facet values and the date range the library is filtered by.
    pub filter: Filter,
    /// Search text, verbatim as typed.
    pub q: String,
    /// The library's order; `None` is the default ([`Sort::default_for`]).
    pub sort: Option<Sort>,
    /// The library's page (1-based); `None` is the first.
    pub page: Option<u32>,
    pub lang: Lang,
}

impl ViewState {
    pub fn selected(&self, facet: Facet) -> &[String] {
        self.filter.selected(facet)
    }

    pub fn searching(&self) -> bool {
        !self.q.trim().is_empty()
    }

    /// The order the library is shown in.
    pub fn sort(&self) -> Sort {
        self.sort.unwrap_or(Sort::default_for(self.searching()))
    }

    /// The library's page, 1-based.
    pub fn page(&self) -> u32 {
        self.page.unwrap_or(1).max(1)
    }
}
