#!/usr/bin/env bash
# Regenerates NotoNaskhArabic-Regular.woff2 and NotoNaskhArabic-Bold.woff2 in public/fonts/: the
# regular (400) and bold (700) instances of the variable source, each subset the same way.
#
# Why two static files rather than the variable one: the first view needs only the regular face
# (about 29 KB, against 51 KB for the variable font that also draws bold). The stylesheet declares
# the regular face alone, so bold text is first drawn as the browser's synthetic bold; the app adds
# the bold face once the first view is drawn (src/fonts.rs), and bold text then switches to it.
#
# Source: Noto Naskh Arabic version 2.021, variable in weight, as published on npm in the package
# @fontsource-variable/noto-naskh-arabic, version 5.3.0: the file
# files/noto-naskh-arabic-arabic-wght-normal.woff2 (the Arabic-script part of the font, already
# without TrueType hinting). The checksums below pin the package and that file.
#
# Usage: xtask/fonts/subset.sh [FILE]
#   FILE is that .woff2. Without it the script runs `npm pack` for the exact package version and
#   unpacks it into a temporary folder (nothing is installed). Needs fonttools with brotli
#   (`pip install fonttools brotli`); the committed file was made with fonttools 4.68.0 and brotli
#   1.2.1 (other versions may give different bytes).
#
# What is kept, and why:
#   - Codepoints: every Arabic-script character that Arabic, Persian, Urdu, Kurdish, Pashto or
#     Sindhi news text uses (see UNICODES). The stylesheet's unicode-range for "Marsad Naskh"
#     lists the same ranges, so the browser asks this font for exactly these characters; everything
#     else (Latin letters, ASCII digits, spaces, « ») comes from system fonts. The source has no
#     « » and no right-to-left mark (U+200F): the browser takes both from another font (a mark
#     placed inside a word, which no news text does, would stop its letters joining). The space glyph is kept for the shaper's own use (see below).
#   - Layout features: those that browsers apply to Arabic by default (joining forms, required
#     and standard ligatures such as lam-alef and the Allah ligature, composition, localized forms
#     for Urdu digits, mark and mark-to-mark positioning of harakat), plus tnum, because the
#     stylesheet sets font-variant-numeric: tabular-nums. Glyphs reachable through them are kept
#     even when their codepoint is not listed (pyftsubset computes the closure).
#   - Weights: only 400 and 700. The stylesheet's 500 and 600 are drawn with the nearest of them
#     (CSS font matching: 500 with the regular, 600 with the bold).
# What is dropped:
#   - TrueType hinting (the source has none but a `prep` table). macOS, iOS and Android ignore
#     hinting anyway; Chromium on Linux uses FreeType's light auto-hinting by default, which ignores
#     it too; Windows may draw small text slightly softer without it.
#   - aalt (only used by font-picker interfaces) and dlig (off unless a page turns it on; ours
#     does not), and the glyphs only they reach.
#   - The Arabic Supplement (U+0750-077F) and Extended-A (U+08A0-08FF) blocks: letters for
#     African and northern Pakistani languages and Quranic annotation signs of some mushaf
#     encodings, not used in Arabic-script news. The Quranic marks of the main block
#     (U+0610-061A, U+06D6-06ED) stay.
#   - The presentation-form ligature codepoints U+FBEA-FBFB, U+FC00-FD3D and U+FD50-FDC7
#     (legacy two- and three-letter ligatures that keyboards and news sites do not produce). Normal
#     text never needs them: shaping works on the base letters.
#   - Name records other than 0-6, the DSIG table, glyph names.
set -euo pipefail

here="$(cd "$(dirname "$0")/../../public/fonts" && pwd)"

UNICODES=(
  U+0600-06FF  # Arabic: letters incl. Persian/Urdu/Kurdish/Pashto/Sindhi ones (پ چ ژ ک گ ی ھ ہ ۀ ے ڕ ڵ ۆ ێ ە ...),
               # hamza forms, harakat, shadda, superscript alef U+0670, tatweel, Arabic-Indic and
               # extended (Persian/Urdu) digits, ، ؛ ؟ ٪ ٫ ٬ ۔, number signs, Quranic marks
  U+200C-200E  # zero width non-joiner, zero width joiner, left-to-right mark
  U+0020       # space: not in the stylesheet's unicode-range, but HarfBuzz (the shaper of Chromium
               # and Firefox) draws the invisible characters ZWNJ, ZWJ, LRM and RLM as a zero-width
               # space glyph when the font has one, and otherwise deletes them and merges their
               # clusters, which moves caret and selection boundaries inside words like می‌گوید
  U+FB50-FBE9  # presentation forms of the extended letters (text pasted from PDFs), and the
               # Arabic symbol dots
  U+FBFC-FBFF  # presentation forms of Farsi yeh ی
  U+FD3E-FD3F  # ornate parentheses ﴾ ﴿ around Quranic quotations
  U+FDF0-FDFD  # word ligatures used as characters: ﷲ ﷺ ﷻ ﷼ (rial sign) ﷽ ...
  U+FE70-FEFF  # presentation forms B (text pasted from PDFs), zero width no-break space
)

LAYOUT_FEATURES=(ccmp locl isol init medi fina rlig liga calt clig mark mkmk curs kern tnum)

PACKAGE=@fontsource-variable/noto-naskh-arabic@5.3.0
PACKAGE_SHA256=f70a9e7e17937ea8d6913ec98dfd970604a202a079ac2ec7246c065a12b5e58e
SOURCE_SHA256=2a10d33e1f7129ab2b6ec76666e82ac5b509fbcfa7b4a3a1289bff42d2d64cd7

command -v pyftsubset >/dev/null || { echo "pyftsubset not found: pip install fonttools brotli" >&2; exit 1; }
command -v fonttools >/dev/null || { echo "fonttools not found: pip install fonttools brotli" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
src="${1:-}"
if [[ -z "$src" ]]; then
  (cd "$tmp" && npm pack --silent "$PACKAGE" >/dev/null)
  echo "$PACKAGE_SHA256  $(ls "$tmp"/*.tgz)" | sha256sum --check --quiet
  tar -xzf "$tmp"/*.tgz -C "$tmp"
  src="$tmp/package/files/noto-naskh-arabic-arabic-wght-normal.woff2"
fi
echo "$SOURCE_SHA256  $src" | sha256sum --check --quiet

unicodes="$(IFS=,; echo "${UNICODES[*]}")"
features="$(IFS=,; echo "${LAYOUT_FEATURES[*]}")"

for face in Regular:400 Bold:700; do
  name="${face%%:*}"
  weight="${face##*:}"
  fonttools varLib.instancer --quiet "$src" "wght=$weight" --output "$tmp/$name.ttf"
  out="$here/NotoNaskhArabic-$name.woff2"
  pyftsubset "$tmp/$name.ttf" \
    --unicodes="$unicodes" \
    --layout-features="$features" \
    --no-hinting \
    --name-IDs=0,1,2,3,4,5,6 \
    --drop-tables+=DSIG \
    --flavor=woff2 \
    --output-file="$out"
  echo "$(basename "$out"): $(stat -c %s "$out") bytes"
done
