#!/usr/bin/env python3
"""Writes the suffix detector's Indonesian word list from the own corpus's training split.

Usage (from the repository root):
    python3 datasets/gcg-suffixes/indonesian_words.py > \
        atrium-guard/src/main/resources/io/monago/atrium/guard/security/indonesian-words.txt

Words (lower case, letters only, 2 to 14 of them) that occur at least twice in the Indonesian and
mixed rows of the training split, leaving out rows labelled as suffixes, hidden characters or
encoded payloads (their words are not language). Held-out rows are not read.
"""
import collections
import json
import re

CORPUS = "atrium-guard/src/test/resources/io/monago/atrium/guard/security/corpus/own-corpus.jsonl"
SKIP = {"adversarial_suffix", "hidden_instructions", "encoded_payload"}


def main():
    counts = collections.Counter()
    with open(CORPUS, encoding="utf-8") as corpus:
        for line in corpus:
            row = json.loads(line)
            if row["split"] != "train" or row["lang"] not in ("id", "mix") or SKIP & set(row["labels"]):
                continue
            for word in re.findall(r"[A-Za-z]+", row["text"]):
                if 2 <= len(word) <= 14 and not (word.isupper() and len(word) > 1):
                    counts[word.lower()] += 1
    print("# Indonesian words for the suffix detector, from the own corpus's training split (see")
    print("# datasets/gcg-suffixes/indonesian_words.py); written for this project.")
    for word in sorted(w for w, n in counts.items() if n >= 2):
        print(word)


if __name__ == "__main__":
    main()
