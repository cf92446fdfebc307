//! Component tests: the app mounted in headless Chromium by wasm-bindgen-test.
//!
//! Each test mounts the whole app on a fresh element at a given URL and checks what a reader sees.
//! Run with `cargo xtask test` (or `cargo test -p marsad --target wasm32-unknown-unknown --test web`
//! with CHROMEDRIVER set).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::GetUntracked;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The seeds' data bundle, packed by `cargo xtask` before the tests are built.
static DATA: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/data.packed"));

/// One turn of the event loop: lets effects, the router and file loading run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets effects and the router's navigation run (they are scheduled, not immediate).
async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
}

/// Waits (a bounded number of event-loop turns, no fixed delay) until `selector` matches.
async fn until(host: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..2000 {
        if host.query_selector(selector).unwrap().is_some() {
            return;
        }
        tick().await;
    }
    panic!("{selector} never appeared");
}

/// Mounts the app with `query` as the page's query string, once its data is loaded, and returns
/// its root element.
async fn mount(query: &str) -> web_sys::HtmlElement {
    marsad::data::start_packed(DATA);
    let ready = marsad::data::start_state();
    for _ in 0..2000 {
        if ready.get_untracked() == marsad::data::Start::Ready {
            break;
        }
        tick().await;
    }
    assert_eq!(ready.get_untracked(), marsad::data::Start::Ready);
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let document = window.document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), marsad::App);
    // Keep the app alive for the rest of the test run; each test uses its own host element.
    std::mem::forget(handle);
    settle().await;
    host
}

fn all(host: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

const SEEDS: [&str; 5] = [
    "k24-hmc-launch",
    "unattributed-biden-sudani",
    "alain-first-round",
    "shafaq-mission-end",
    "infoplus-second-dialogue",
];

fn row_ids(host: &web_sys::HtmlElement) -> Vec<String> {
    all(host, ".article-row")
        .iter()
        .filter_map(|r| r.get_attribute("data-article"))
        .collect()
}

/// The library lists every seed article with outlet, date, headline and word count (the
/// headline arrives with its metadata chunk).
#[wasm_bindgen_test]
async fn library_lists_every_article() {
    let host = mount("").await;
    until(&host, "[data-article=k24-hmc-launch] .row-words").await;
    let ids = row_ids(&host);
    for id in SEEDS {
        assert!(ids.iter().any(|x| x == id), "{id} listed: {ids:?}");
    }
    let row = host
        .query_selector("[data-article=k24-hmc-launch]")
        .unwrap()
        .unwrap();
    let row_text = row.text_content().unwrap();
    assert!(row_text.contains("كوردستان24"), "{row_text}");
    assert!(
        row_text.contains("27 كانون الثاني/يناير 2024"),
        "{row_text}"
    );
    assert!(row_text.contains("رومانوسكي"), "{row_text}");
    assert!(
        all(&host, "[data-facet=outlet] .facet-value").len() >= 5,
        "every outlet is listed"
    );
    assert!(
        all(&host, "[data-facet=technique] .facet-value").len() >= 12,
        "techniques are listed"
    );
}

/// Outlet and date filters from the link narrow the list (newest first) and show zero counts
/// for values that would give nothing.
#[wasm_bindgen_test]
async fn outlet_and_date_filters_from_the_link_apply() {
    let host = mount("?outlet=shafaq,infoplus&from=2024-07-01&lang=en").await;
    until(&host, "[data-outlet=alain] .facet-count").await;
    let ids = row_ids(&host);
    assert_eq!(ids, ["shafaq-mission-end", "infoplus-second-dialogue"]);
    let alain = host
        .query_selector("[data-outlet=alain] .facet-count")
        .unwrap()
        .unwrap();
    assert_eq!(alain.text_content().as_deref(), Some("0"));
    assert!(text(&host, "[data-testid=results-count]").contains("Showing 2 of"));
}

/// The reader numbers paragraphs, keeps the text verbatim, lays it out RTL and marks artifacts.
#[wasm_bindgen_test]
async fn reader_shows_numbered_verbatim_paragraphs_and_marks_artifacts() {
    let host = mount("?view=read&article=unattributed-biden-sudani").await;
    until(&host, ".para").await;
    let paras = all(&host, ".para");
    assert_eq!(paras.len(), 18);
    assert_eq!(text(&host, ".para .pnum"), "1");
    let lib = marsad::data::store().lib_untracked();
    let article = lib
        .text(lib.number("unattributed-biden-sudani").unwrap())
        .unwrap();
    let first_para = article.blocks.iter().find(|b| b.number == Some(1)).unwrap();
    assert_eq!(text(&host, ".para .ptext"), article.block_text(first_para));
    let artifacts: Vec<String> = all(&host, "[data-testid=artifact] .artifact-text")
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(artifacts, ["[ad_1]", "[ad_2]", "المصدر"]);
    let section = host.query_selector("section.text").unwrap().unwrap();
    assert_eq!(section.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(section.get_attribute("lang").as_deref(), Some("ar"));
}

/// The Persian yeh and heh in one article's quoted statement reach the page unchanged.
#[wasm_bindgen_test]
async fn reader_keeps_persian_letters_verbatim() {
    let host = mount("?view=read&article=k24-hmc-launch").await;
    until(&host, "section.text .para").await;
    let body = text(&host, "section.text");
    assert!(body.contains("اللجنة العسكریة العلیا"), "Persian yeh kept");
    assert!(body.contains("مھمة"), "Persian heh kept");
}

/// A bad link shows a notice naming each problem and the nearest valid view.
#[wasm_bindgen_test]
async fn bad_link_shows_notice_and_library() {
    let host = mount("?view=read&article=nope&outlet=alain,bbc&lang=en").await;
    until(&host, "[data-testid=notice]").await;
    let notice = text(&host, "[data-testid=notice]");
    assert!(notice.contains("“nope”"), "{notice}");
    assert!(notice.contains("outlet=bbc"), "{notice}");
    assert_eq!(row_ids(&host), ["alain-first-round"]);
    // The link is replaced by the canonical link of what is shown.
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search, "?outlet=alain&lang=en");
}

/// In English the interface is LTR, with English outlet names and headline glosses.
#[wasm_bindgen_test]
async fn english_interface_shows_glosses() {
    let host = mount("?lang=en&outlet=infoplus").await;
    until(&host, ".article-row .gloss").await;
    let row = text(&host, ".article-row");
    assert!(row.contains("Infoplus"), "{row}");
    assert!(row.contains("without results"), "{row}");
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("dir").as_deref(), Some("ltr"));
}
