#!/usr/bin/env bash
# Derives crates/text/data/english-words.txt from Debian's wamerican (SCOWL) word list:
# lower-case entries only (capitalised entries are names), letters a-z only, no possessives.
# Run at development time; the derived file is committed, so builds need no package.
set -euo pipefail
src=${1:-/usr/share/dict/american-english}
out=$(dirname "$0")/../crates/text/data/english-words.txt
LC_ALL=C grep -E '^[a-z]+$' "$src" | LC_ALL=C sort -u > "$out"
wc -l "$out"
