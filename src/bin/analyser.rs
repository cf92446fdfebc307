//! The analyser's Web Worker: a second, separate wasm module that the page starts only when
//! someone imports articles (or has some stored whose analysis must be redone). It reads files
//! for the import form and analyses imported articles against the bundle, off the page's
//! thread, so that the page keeps answering; the work itself is the core's
//! [`marsad_core::bundle::analyser`]. Messages are postcard bytes both ways.

use js_sys::{Array, Uint8Array};
use marsad_core::bundle::analyser::{Envelope, Reply, Request, decode, encode, handle};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn post(scope: &DedicatedWorkerGlobalScope, id: u32, body: Reply) {
    let bytes = Uint8Array::from(&encode(&Envelope { id, body })[..]);
    // The buffer is handed over, not copied.
    let _ = scope.post_message_with_transfer(&bytes, &Array::of1(&bytes.buffer()));
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let bytes = Uint8Array::new(&e.data()).to_vec();
        match decode::<Envelope<Request>>(&bytes, "a request") {
            Ok(Envelope { id, body }) => handle(body, &mut |r| post(&replies, id, r)),
            Err(e) => post(&replies, 0, Reply::Failed(e)),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, 0, Reply::Ready);
}
