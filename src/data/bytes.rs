//! Bytes from the network or the page: fetching a file, decompressing gzip with the browser's
//! own `DecompressionStream`, decoding the standalone file's base64, and what a failed browser
//! call says.

use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What a failed browser call says, as text.
pub(crate) fn js_err(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|x| String::from(x.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

pub(super) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|e| format!("{url}: {}", js_err(e)))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(js_err)?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(js_err)?)
        .await
        .map_err(js_err)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Decompresses gzip with the browser's `DecompressionStream`; other bytes pass unchanged (a
/// host that already decompressed them).
pub(super) async fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    if !(bytes.len() > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b) {
        return Ok(bytes.to_vec());
    }
    // A `Response` over the bytes gives their stream within the page (a `Blob`'s goes through
    // the browser's blob store, several times slower when many files arrive at once).
    let source =
        web_sys::Response::new_with_opt_buffer_source(Some(&js_sys::Uint8Array::from(bytes)))
            .map_err(js_err)?
            .body()
            .ok_or("no stream over the bytes")?;
    // `DecompressionStream` is reached through the global object: web-sys ships its binding
    // only behind an unstable flag.
    let ctor: js_sys::Function = js_sys::Reflect::get(&window(), &"DecompressionStream".into())
        .map_err(js_err)?
        .dyn_into()
        .map_err(|_| "this browser cannot decompress (no DecompressionStream)".to_string())?;
    let ds =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&"gzip".into())).map_err(js_err)?;
    let get = |name: &str| js_sys::Reflect::get(&ds, &name.into()).map_err(js_err);
    let readable: web_sys::ReadableStream = get("readable")?.dyn_into().map_err(js_err)?;
    let writable: web_sys::WritableStream = get("writable")?.dyn_into().map_err(js_err)?;
    let pair = web_sys::ReadableWritablePair::new(&readable, &writable);
    let stream = source.pipe_through(&pair);
    let resp = web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(js_err)?;
    let buf = JsFuture::from(resp.array_buffer().map_err(js_err)?)
        .await
        .map_err(js_err)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Standard base64 (RFC 4648, with padding; whitespace ignored).
pub(crate) fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= val(c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    Some(out)
}
