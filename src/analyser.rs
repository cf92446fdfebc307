//! The page's side of the analyser (`src/bin/analyser.rs`, a Web Worker with its own wasm
//! module): started on first use, asked by [`ask`], answered with progress and then a result.
//!
//! Where its code is: the page's `<meta name="marsad-analyser">` names the worker's start-up
//! script (written by the build, with a content hash); without it, `analyser_loader.js`. The
//! standalone file carries the worker's script and its wasm inline
//! (`#marsad-analyser-js`, `#marsad-analyser-wasm`), started from a `blob:` address of the page,
//! so that importing works from `file://` too. Nothing is fetched from anywhere else.

use futures_channel::mpsc::{UnboundedSender, unbounded};
use futures_util::StreamExt;
use js_sys::{Array, Uint8Array};
use leptos::prelude::document;
use marsad_core::bundle::analyser::{Envelope, Reply, Request, decode, encode};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The running worker and the requests waiting for it.
struct Client {
    worker: Worker,
    /// Whether it said it listens; until then requests wait in `queue`.
    ready: bool,
    queue: Vec<Uint8Array>,
    waiting: HashMap<u32, UnboundedSender<Reply>>,
    next: u32,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

fn send(worker: &Worker, bytes: &Uint8Array) {
    let _ = worker.post_message_with_transfer(bytes, &Array::of1(&bytes.buffer()));
}

/// Every waiting request fails with `why`, and the worker is dropped (the next request starts
/// a new one).
fn fail_all(why: String) {
    let gone = CLIENT.with(|c| c.borrow_mut().take());
    if let Some(c) = gone {
        c.worker.terminate();
        for (_, tx) in c.waiting {
            let _ = tx.unbounded_send(Reply::Failed(why.clone()));
        }
    }
}

fn on_message(e: MessageEvent) {
    let bytes = Uint8Array::new(&e.data()).to_vec();
    let env: Envelope<Reply> = match decode(&bytes, "the analyser's answer") {
        Ok(env) => env,
        Err(e) => return fail_all(e),
    };
    match (env.id, env.body) {
        (0, Reply::Ready) => CLIENT.with(|c| {
            if let Some(c) = c.borrow_mut().as_mut() {
                c.ready = true;
                for q in c.queue.drain(..) {
                    send(&c.worker, &q);
                }
            }
        }),
        (0, Reply::Failed(why)) => fail_all(why),
        (id, reply) => CLIENT.with(|c| {
            if let Some(c) = c.borrow_mut().as_mut() {
                let last = !matches!(reply, Reply::Progress { .. });
                if let Some(tx) = c.waiting.get(&id) {
                    let _ = tx.unbounded_send(reply);
                }
                if last {
                    c.waiting.remove(&id);
                }
            }
        }),
    }
}

fn js_message(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| v.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
        .unwrap_or_else(|| format!("{v:?}"))
}

/// The worker, started from the page's inline copy (standalone file) or from its script.
fn spawn() -> Result<Worker, String> {
    let doc = document();
    let inline = doc
        .get_element_by_id("marsad-analyser-js")
        .zip(doc.get_element_by_id("marsad-analyser-wasm"));
    let worker = match inline {
        Some((js, wasm)) => {
            // The glue, then: wait for the wasm bytes (the first message) and start with them.
            let script = format!(
                "{}\nself.onmessage = (e) => {{ self.onmessage = null; wasm_bindgen({{ module_or_path: e.data }}); }};",
                js.text_content().unwrap_or_default()
            );
            let parts = Array::of1(&JsValue::from_str(&script));
            let opts = web_sys::BlobPropertyBag::new();
            opts.set_type("text/javascript");
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
                .map_err(|e| js_message(&e))?;
            let url =
                web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
            let w = Worker::new(&url).map_err(|e| js_message(&e))?;
            let bytes = crate::data::base64_decode(&wasm.text_content().unwrap_or_default())
                .ok_or("the page's inline analyser is damaged")?;
            send(&w, &Uint8Array::from(&bytes[..]));
            w
        }
        None => {
            let url = doc
                .query_selector("meta[name=marsad-analyser]")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"))
                .unwrap_or_else(|| "analyser_loader.js".into());
            Worker::new(&url).map_err(|e| js_message(&e))?
        }
    };
    let on_msg = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_msg.as_ref().unchecked_ref()));
    on_msg.forget();
    let on_err = Closure::<dyn FnMut(ErrorEvent)>::new(|e: ErrorEvent| {
        fail_all(format!("the analyser stopped: {}", e.message()));
    });
    worker.set_onerror(Some(on_err.as_ref().unchecked_ref()));
    on_err.forget();
    Ok(worker)
}

/// Sends `request` to the analyser (starting it if need be) and returns its answer; each
/// progress reply on the way is given to `progress` as `(done, total)`.
pub async fn ask(
    request: Request,
    mut progress: impl FnMut(usize, usize),
) -> Result<Reply, String> {
    let (tx, mut rx) = unbounded();
    let started = CLIENT.with(|c| -> Result<(), String> {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(Client {
                worker: spawn().map_err(|e| format!("the analyser could not start: {e}"))?,
                ready: false,
                queue: Vec::new(),
                waiting: HashMap::new(),
                next: 1,
            });
        }
        let c = c.as_mut().expect("just made");
        let id = c.next;
        c.next += 1;
        c.waiting.insert(id, tx);
        let bytes = Uint8Array::from(&encode(&Envelope { id, body: request })[..]);
        if c.ready {
            send(&c.worker, &bytes);
        } else {
            c.queue.push(bytes);
        }
        Ok(())
    });
    started?;
    while let Some(reply) = rx.next().await {
        match reply {
            Reply::Progress { done, total } => progress(done as usize, total as usize),
            Reply::Failed(e) => return Err(e),
            other => return Ok(other),
        }
    }
    Err("the analyser stopped without answering".into())
}
