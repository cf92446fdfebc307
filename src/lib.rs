//! Marsad's user interface: thin Leptos components over the core (`marsad_core`).
//!
//! - [`app`]: the shell (header, notices, footer) and the switch between views.
//! - [`data`]: the only module that fetches: the data bundle, loaded as views need it.
//! - `state`: the only module that touches the router and the URL.
//! - `import`: "Add articles" (files or pasted text, analysed on this device); `analyser`: the
//!   Web Worker that reads and analyses them (`src/bin/analyser.rs`); `device`: where they and
//!   their analysis are kept (IndexedDB).
//! - `fonts`: adds the bold Arabic face once the first view is drawn (the stylesheet declares only
//!   the regular one, for a lighter first load).
//! - `library`, `reader`, `timeline`, `compare`: the views; `search`: live search in the library.

mod analyser;
pub mod app;
mod cite;
mod compare;
pub mod data;
mod device;
mod export;
mod fonts;
mod import;
mod library;
mod reader;
mod search;
mod split;
mod state;
mod timeline;
mod widgets;

pub use app::App;

/// Starts the page: loads the data, then restores the articles imported on this device; once the
/// first view is drawn and its files are in, adds the bold Arabic font.
pub fn start() {
    data::start(|| async {
        let problem = import::restore().await;
        data::when_idle(fonts::add_bold);
        problem
    });
}
