//! Layer 4: what the interface needs beyond the analysis: the view state, the one link codec and
//! the interface strings. Imports every layer before it; nothing imports it but the UI.
//!
//! - [`state`]: [`state::ViewState`], everything that decides what the page shows.
//! - [`url`]: the codec between a view state and its query string, with notices for bad links.
//! - [`compare`]: which comparison a state asks for, and the order of its columns.
//! - [`pages`]: the library list in order, cut into pages.
//! - [`i18n`]: interface strings in Arabic and English, quotation splitting.
//! - [`notices`]: what a link's notices say.
//! - [`timeline`]: where the timeline's links lead, and the names of its marks.

pub mod cite;
pub mod compare;
pub mod export;
pub mod i18n;
pub mod notices;
pub mod pages;
pub mod state;
pub mod timeline;
pub mod url;
