#!/usr/bin/env bash
# Regenerates NotoNaskhArabic-Regular.woff2 and NotoNaskhArabic-Bold.woff2 in public/fonts/.
#
# Source: Noto Naskh Arabic version 2.004 (NotoNaskhArabic-Regular.ttf, NotoNaskhArabic-Bold.ttf)
# as shipped by Debian 12 "bookworm" in the package fonts-noto-core, version 20201225-1, under
# /usr/share/fonts/truetype/noto/. The checksums below pin those exact files.
#
# Usage: xtask/fonts/subset.sh [DIR]
#   DIR holds the two source .ttf files. Without it the script runs `apt-get download
#   fonts-noto-core=20201225-1` and unpacks the package into a temporary folder (nothing is
#   installed). Needs pyftsubset with brotli (`pip install fonttools brotli`); the committed files
#   were made with fonttools 4.68.0 and brotli 1.2.1 (other versions may give different bytes).
#
# What is kept, and why:
#   - Codepoints: every Arabic-script character that Arabic, Persian, Urdu, Kurdish, Pashto or
#     Sindhi news text uses (see UNICODES), plus « ». The stylesheet's unicode-range for
#     "Marsad Naskh" lists the same ranges, so the browser asks this font for exactly these
#     characters; everything else (Latin letters, ASCII digits, spaces) comes from system fonts.
#     The space glyph is kept for the shaper's own use (see below).
#   - Layout features: those that browsers apply to Arabic by default (joining forms, required
#     and standard ligatures such as lam-alef and the Allah ligature, composition, localized forms
#     for Urdu digits, mark and mark-to-mark positioning of harakat), plus tnum, because the
#     stylesheet sets font-variant-numeric: tabular-nums. Glyphs reachable through them are kept
#     even when their codepoint is not listed (pyftsubset computes the closure).
# What is dropped:
#   - TrueType hinting instructions (fpgm, prep, cvt, per-glyph bytecode): about a quarter of the
#     file. macOS, iOS and Android ignore these instructions anyway; Chromium on Linux uses
#     FreeType's light auto-hinting by default, which ignores them too; Windows may draw small
#     text slightly softer without them.
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
  U+200C-200F  # zero width non-joiner, zero width joiner, left-to-right and right-to-left marks
  U+0020       # space: not in the stylesheet's unicode-range, but HarfBuzz (the shaper of Chromium
               # and Firefox) draws the invisible characters ZWNJ, ZWJ, LRM and RLM as a zero-width
               # space glyph when the font has one, and otherwise deletes them and merges their
               # clusters, which moves caret and selection boundaries inside words like می‌گوید
  U+00AB       # «
  U+00BB       # »
  U+FB50-FBE9  # presentation forms of the extended letters (text pasted from PDFs), and the
               # Arabic symbol dots
  U+FBFC-FBFF  # presentation forms of Farsi yeh ی
  U+FD3E-FD3F  # ornate parentheses ﴾ ﴿ around Quranic quotations
  U+FDF0-FDFD  # word ligatures used as characters: ﷲ ﷺ ﷻ ﷼ (rial sign) ﷽ ...
  U+FE70-FEFF  # presentation forms B (text pasted from PDFs), zero width no-break space
)

LAYOUT_FEATURES=(ccmp locl isol init medi fina rlig liga calt clig mark mkmk curs kern tnum)

declare -A SHA256=(
  [Regular]=8c67eaa2f0086872628fc3f7f760386f83c8be5c5e9a1ba3a38891237b2ac7cb
  [Bold]=b5cbcb561b4b540ff11d7b6934577dbbbbb9e1d152d47f6f31f19176d58ff39c
)

command -v pyftsubset >/dev/null || { echo "pyftsubset not found: pip install fonttools brotli" >&2; exit 1; }

src="${1:-}"
if [[ -z "$src" ]]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && apt-get download fonts-noto-core=20201225-1 >/dev/null)
  dpkg -x "$tmp"/fonts-noto-core_20201225-1_all.deb "$tmp/pkg"
  src="$tmp/pkg/usr/share/fonts/truetype/noto"
fi

unicodes="$(IFS=,; echo "${UNICODES[*]}")"
features="$(IFS=,; echo "${LAYOUT_FEATURES[*]}")"

for weight in Regular Bold; do
  ttf="$src/NotoNaskhArabic-$weight.ttf"
  echo "${SHA256[$weight]}  $ttf" | sha256sum --check --quiet
  pyftsubset "$ttf" \
    --unicodes="$unicodes" \
    --layout-features="$features" \
    --no-hinting \
    --name-IDs=0,1,2,3,4,5,6 \
    --drop-tables+=DSIG \
    --flavor=woff2 \
    --output-file="$here/NotoNaskhArabic-$weight.woff2"
  echo "NotoNaskhArabic-$weight.woff2: $(stat -c %s "$here/NotoNaskhArabic-$weight.woff2") bytes"
done
