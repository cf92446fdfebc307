//! The Content-Security-Policy the page ships with, as a `<meta http-equiv>` element (static hosts
//! cannot be relied on to send headers).
//!
//! Trunk writes the module script that starts the wasm inline, so the policy names it by its
//! SHA-256 hash instead of allowing inline scripts. SHA-256 is written out here (FIPS 180-4)
//! because xtask has no dependencies: it must build on a fresh machine before anything else.

/// The policy of `dist/index.html`, for a page whose inline scripts hash to `script_hashes`.
///
/// - `default-src 'self'`: anything not named below comes from the page's own origin only.
/// - `script-src 'self' 'wasm-unsafe-eval'` + hashes: the glue module and the inline start-up
///   script (by hash); `wasm-unsafe-eval` lets the module compile the wasm. No `unsafe-inline`,
///   no `unsafe-eval`.
/// - `style-src 'self'`: the one stylesheet; the app sets styles only through the CSSOM
///   (`style:` properties), which the policy does not govern.
/// - `font-src 'self'`, `img-src 'self'`: the Noto Naskh fonts and the favicon, served with the page.
/// - `connect-src 'self'`: the wasm and the data bundle are fetched from the page's own host.
/// - `worker-src 'self'`: the analyser of imported articles, a Web Worker, comes from there too.
/// - `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`: no plug-ins, no `<base>` to
///   redirect relative links, no form posts anywhere.
pub fn page_policy(script_hashes: &[String]) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'; font-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
        sources(script_hashes)
    )
}

/// The policy of the standalone file, where everything is inline: scripts and the stylesheet by
/// hash, fonts and the favicon as `data:` URLs, the analyser's worker from a `blob:` address the
/// page makes of its inline copy, and no network at all (`default-src 'none'`).
pub fn standalone_policy(script_hashes: &[String], style_hashes: &[String]) -> String {
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval'{}; style-src{}; font-src data:; img-src data:; worker-src blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
        sources(script_hashes),
        sources(style_hashes)
    )
}

fn sources(hashes: &[String]) -> String {
    hashes.iter().map(|h| format!(" '{h}'")).collect()
}

/// The CSP source of an inline script or style, which is also the subresource integrity of a
/// file: `sha256-` and the base64 of its SHA-256.
pub fn hash_source(content: impl AsRef<[u8]>) -> String {
    format!("sha256-{}", base64(&sha256(content.as_ref())))
}

/// A short name for content: the first 8 bytes of its SHA-256, in hex (for file names that
/// change whenever the content does).
pub fn content_hash(bytes: &[u8]) -> String {
    sha256(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The meta element carrying `policy`.
pub fn meta(policy: &str) -> String {
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />")
}

/// The contents of every inline `<script …>…</script>` in `html` whose opening tag is exactly
/// `open` (e.g. `<script type="module">`).
pub fn inline_contents<'a>(html: &'a str, open: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(s) = rest.find(open) {
        let body = &rest[s + open.len()..];
        let Some(e) = body.find("</script>") else {
            break;
        };
        out.push(&body[..e]);
        rest = &body[e..];
    }
    out
}

/// `html` with the page policy inserted first in its `<head>` (a meta policy only governs what
/// follows it), hashing each inline module script.
pub fn secure_page(html: &str) -> crate::Result<String> {
    let hashes: Vec<String> = inline_contents(html, "<script type=\"module\">")
        .into_iter()
        .map(hash_source)
        .collect();
    insert_first_in_head(html, &meta(&page_policy(&hashes)))
}

/// `html` with `tag` inserted right after `<meta charset…>` (which must stay first).
pub fn insert_first_in_head(html: &str, tag: &str) -> crate::Result<String> {
    let at = html
        .find("<meta charset")
        .and_then(|i| html[i..].find('>').map(|e| i + e + 1))
        .ok_or("the page has no <meta charset>")?;
    Ok(format!("{}\n    {tag}{}", &html[..at], &html[at..]))
}

/// SHA-256 (FIPS 180-4).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            (hh, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    /// Protects the hashes in the policy: SHA-256 matches the FIPS 180-4 / NIST test vectors,
    /// including inputs that span several blocks and end at a block's padding boundary.
    #[test]
    fn sha256_matches_nist_vectors() {
        let cases = [
            (
                "",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ),
            (
                "abc",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(hex(&sha256(input.as_bytes())), want, "{input:?}");
        }
        assert_eq!(
            hex(&sha256(&vec![b'a'; 1_000_000])),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
    }

    /// Protects the policy's invariants: no inline or eval scripts, inline scripts only by hash,
    /// and the policy placed before any script in the head.
    #[test]
    fn the_page_policy_is_strict_and_comes_first() {
        let html = "<html><head>\n<meta charset=\"utf-8\" />\n<title>x</title>\n<script type=\"module\">start();</script>\n</head></html>";
        let out = secure_page(html).unwrap();
        let meta_at = out.find("Content-Security-Policy").unwrap();
        assert!(meta_at < out.find("<script").unwrap());
        assert!(meta_at > out.find("<meta charset").unwrap());
        let policy = page_policy(&[hash_source("start();")]);
        assert!(out.contains(&policy));
        for needed in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
            "connect-src 'self'",
            "object-src 'none'",
        ] {
            assert!(policy.contains(needed), "{needed}");
        }
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert_eq!(
            inline_contents(
                "<script type=\"module\">a</script><script type=\"module\">b</script>",
                "<script type=\"module\">"
            ),
            ["a", "b"]
        );
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }
}
