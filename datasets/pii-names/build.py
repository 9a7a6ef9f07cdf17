#!/usr/bin/env python3
"""Builds the guard's name and region word lists from the shared gazetteers.

Usage: python3 datasets/pii-names/build.py /path/to/names-gazetteer /path/to/id-address-vocab

Writes atrium-guard/src/main/resources/io/monago/atrium/guard/pii/names/{names.txt,regions.txt}.
names.txt: one lower-case name token a line, a tab, then g (given), s (surname) or b (both).
Multi-word and hyphenated names add each part as well. regions.txt: the bare names of Indonesia's
provinces, regencies and cities, lower case, one a line.
"""
import csv
import json
import os
import sys

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "atrium-guard", "src", "main", "resources",
                   "io", "monago", "atrium", "guard", "pii", "names")


def tokens(name):
    name = name.replace("\u2019", "'").strip()
    yield name
    for part in name.replace("-", " ").split():
        yield part


def main(names_dir, vocab_dir):
    kinds = {}
    with open(os.path.join(names_dir, "names.jsonl"), encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            for tok in tokens(row["name"]):
                tok = tok.lower()
                if len(tok) < 2 or " " in tok:
                    continue
                kinds.setdefault(tok, set()).add("g" if row["kind"] == "given" else "s")
    with open(os.path.join(OUT, "names.txt"), "w", encoding="utf-8") as out:
        for tok in sorted(kinds):
            k = kinds[tok]
            out.write(tok + "\t" + ("b" if len(k) == 2 else next(iter(k))) + "\n")
    regions = set()
    with open(os.path.join(vocab_dir, "id-regions.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["level"] in ("provinsi", "kabupaten", "kota"):
                regions.add(row["name_bare"].lower())
    with open(os.path.join(OUT, "regions.txt"), "w", encoding="utf-8") as out:
        for r in sorted(regions):
            out.write(r + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
