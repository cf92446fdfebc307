//! Protects link decoding against anything a link can carry: 1,000,000 generated query strings —
//! arbitrary bytes, broken and valid percent-encoding, NUL bytes, bidi controls, huge values,
//! repeated and contradictory parameters built from the real parameter names and values. None
//! may panic, and decoding is a fixed point: the link of what is shown decodes to the same state,
//! with no notice.

use super::library;
use marsad_core::view::url::{decode, encode, percent_encode};

/// splitmix64: deterministic, so that a failure is reproducible from its case number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "view",
    "article",
    "p",
    "layers",
    "articles",
    "order",
    "lens",
    "zoom",
    "from",
    "to",
    "q",
    "sort",
    "page",
    "lang",
    "outlet",
    "event",
    "actor",
    "voice",
    "naming",
    "technique",
    "frame",
    "x",
    "",
    "VIEW",
    "q%20",
    "%71",
    "view%00",
];

const VALUES: &[&str] = &[
    "read",
    "library",
    "compare",
    "timeline",
    "k24-hmc-launch",
    "alain-first-round",
    "shafaq-mission-end",
    "unattributed-biden-sudani",
    "infoplus-second-dialogue",
    "kurdistan24",
    "alain",
    "hmc-launch-2024-01-27",
    "hmc-launch-2024-01-27:main",
    "armed-groups",
    "armed-groups:الميليشيات العراقية",
    "sudani",
    "iraqi_government",
    "Loaded_Language",
    "Political",
    "naming,voices",
    "events,dates,actors,reuse",
    "naming",
    "claims",
    "core",
    "full",
    "2024-07-01",
    "2024-02-30",
    "9999-12-31",
    "0000-01-01",
    "date",
    "outlet",
    "relevance",
    "1",
    "0",
    "7",
    "18446744073709551617",
    "-3",
    "ar",
    "en",
    "اللجنة العسكرية العليا",
    "\"التحالف",
    "«",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "%E0%A4%A",
    "%ZZ",
    "%",
    "%00",
    "\u{202e}اللجنة\u{202c}",
    "\u{200f}\u{200e}\u{2066}x\u{2069}",
    "a,b,,c",
    ",",
];

/// A query string: sometimes raw bytes, mostly a soup of real names and values, encoded or not.
fn case(rng: &mut Rng) -> String {
    match rng.below(10) {
        // One case in a thousand carries a value of up to 100,000 characters.
        _ if rng.below(1000) == 0 => {
            let name = rng.pick(NAMES);
            format!("{name}={}", "ا".repeat(rng.below(100_000)))
        }
        0 => {
            // Arbitrary bytes (as text: invalid UTF-8 cannot reach location.search, but any
            // char can, escaped or not).
            let n = rng.below(64);
            (0..n)
                .map(|_| char::from_u32(rng.below(0x3000) as u32).unwrap_or('?'))
                .collect()
        }
        1 => {
            // Nothing but separators, escapes and controls.
            let n = rng.below(32);
            (0..n)
                .map(|_| rng.pick(&["&", "=", "%", ",", "%2C", "%00", "+", "\u{200f}", "#"]))
                .collect()
        }
        _ => {
            let parts = 1 + rng.below(8);
            (0..parts)
                .map(|_| {
                    let name = rng.pick(NAMES);
                    let value = rng.pick(VALUES);
                    let value = match rng.below(3) {
                        0 => percent_encode(value),
                        1 => value.to_string(),
                        _ => format!("{},{}", percent_encode(value), rng.pick(VALUES)),
                    };
                    match rng.below(6) {
                        0 => name.to_string(),
                        1 => format!("{name}=={value}"),
                        _ => format!("{name}={value}"),
                    }
                })
                .collect::<Vec<_>>()
                .join(if rng.below(8) == 0 { "&&" } else { "&" })
        }
    }
}

#[test]
fn a_million_hostile_links_decode_to_a_stable_view() {
    let lib = library();
    let mut rng = Rng(0x6d61_7273_6164);
    let cases = 1_000_000;
    for n in 0..cases {
        let q = case(&mut rng);
        let first = decode(&q, &lib);
        let link = encode(&first.state);
        let second = decode(&link, &lib);
        assert!(
            second.notices.is_empty() && second.state == first.state,
            "case {n}: {q:?}\n→ {link:?}\n{:?}\n{:?}",
            second.notices,
            second.state
        );
    }
}
