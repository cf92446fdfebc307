//! Component tests: the app mounted in headless Chromium by wasm-bindgen-test.
//!
//! Each test mounts the whole app on a fresh element at a given URL and checks what a reader sees.
//! Run with `cargo xtask test` (or `cargo test -p marsad --target wasm32-unknown-unknown --test web`
//! with CHROMEDRIVER set).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app with `query` as the page's query string and returns its root element.
fn mount(query: &str) -> web_sys::HtmlElement {
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
    host
}

/// Lets effects and the router's navigation run (they are scheduled, not immediate).
async fn settle() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
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

/// The library lists all five articles with outlet, date, headline and word count.
#[wasm_bindgen_test]
fn library_lists_every_article() {
    let host = mount("");
    let rows = all(&host, ".article-row");
    assert_eq!(rows.len(), 5);
    let first = &rows[0];
    assert_eq!(
        first.get_attribute("data-article").as_deref(),
        Some("k24-hmc-launch")
    );
    let row_text = first.text_content().unwrap();
    assert!(row_text.contains("كوردستان24"), "{row_text}");
    assert!(
        row_text.contains("27 كانون الثاني/يناير 2024"),
        "{row_text}"
    );
    assert!(row_text.contains("رومانوسكي"), "{row_text}");
    assert_eq!(all(&host, "[data-facet=outlet] .facet-value").len(), 5);
    assert!(
        all(&host, "[data-facet=technique] .facet-value").len() >= 20,
        "every technique is listed"
    );
}

/// Outlet filters from the link narrow the list and show zero counts for empty values.
#[wasm_bindgen_test]
fn outlet_and_date_filters_from_the_link_apply() {
    let host = mount("?outlet=shafaq,infoplus&from=2024-07-01&lang=en");
    let ids: Vec<String> = all(&host, ".article-row")
        .iter()
        .filter_map(|r| r.get_attribute("data-article"))
        .collect();
    assert_eq!(ids, ["shafaq-mission-end", "infoplus-second-dialogue"]);
    let alain = host
        .query_selector("[data-outlet=alain] .facet-count")
        .unwrap()
        .unwrap();
    assert_eq!(alain.text_content().as_deref(), Some("0"));
    assert!(text(&host, "[data-testid=results-count]").contains("Showing 2 of 5"));
}

/// The reader numbers paragraphs, keeps the text verbatim, lays it out RTL and marks artifacts.
#[wasm_bindgen_test]
fn reader_shows_numbered_verbatim_paragraphs_and_marks_artifacts() {
    let host = mount("?view=read&article=unattributed-biden-sudani");
    let paras = all(&host, ".para");
    assert_eq!(paras.len(), 18);
    assert_eq!(text(&host, ".para .pnum"), "1");
    let corpus = marsad::corpus();
    let article = corpus.article("unattributed-biden-sudani").unwrap();
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
fn reader_keeps_persian_letters_verbatim() {
    let host = mount("?view=read&article=k24-hmc-launch");
    let body = text(&host, "section.text");
    assert!(body.contains("اللجنة العسكریة العلیا"), "Persian yeh kept");
    assert!(body.contains("مھمة"), "Persian heh kept");
}

/// A bad link shows a notice naming each problem and the nearest valid view.
#[wasm_bindgen_test]
async fn bad_link_shows_notice_and_library() {
    let host = mount("?view=read&article=nope&outlet=alain,bbc&lang=en");
    settle().await;
    let notice = text(&host, "[data-testid=notice]");
    assert!(notice.contains("“nope”"), "{notice}");
    assert!(notice.contains("outlet=bbc"), "{notice}");
    assert_eq!(all(&host, ".article-row").len(), 1);
    // The link is replaced by the canonical link of what is shown.
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search, "?outlet=alain&lang=en");
}

/// In English the interface is LTR, with English outlet names and headline glosses.
#[wasm_bindgen_test]
async fn english_interface_shows_glosses() {
    let host = mount("?lang=en&outlet=infoplus");
    settle().await;
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
