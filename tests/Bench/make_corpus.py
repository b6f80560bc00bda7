#!/usr/bin/env python3
"""Deterministic large corpus for speed benchmarks: docs of 1-3 tweet-length sentences built from the
sentences of data/stance.csv's authored rows, with word-level noise (drops, swaps, misspellings) so
the vocabulary grows as real text does. A doc takes a stance label; each of its sentences comes from
that stance with probability 0.8, else from another (label noise, as in real data).

  python3 tests/Bench/make_corpus.py --rows 80000 --seed 1 --out train.csv
"""
import argparse, csv, random, re

ap = argparse.ArgumentParser()
ap.add_argument("--rows", type=int, required=True)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--out", required=True)
ap.add_argument("--data", default="data/authored.csv")
a = ap.parse_args()

rng = random.Random(a.seed)
pools = {}
with open(a.data, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r.get("source", "authored") != "authored":
            continue
        for s in re.split(r"(?<=[.!?])\s+", r["text"]):
            words = s.split()
            if 4 <= len(words):
                pools.setdefault(r["stance"], []).append(words[:28])
classes = sorted(pools)
letters = "abcdefghijklmnopqrstuvwxyz"

def noisy(words):
    out = []
    for w in words:
        x = rng.random()
        if x < 0.04:
            continue                                   # dropped word
        if x < 0.10 and len(w) > 3:                    # misspelling: one letter replaced
            i = rng.randrange(len(w))
            w = w[:i] + rng.choice(letters) + w[i + 1:]
        out.append(w)
    if len(out) > 3 and rng.random() < 0.3:            # two neighbours swapped
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return " ".join(out)

with open(a.out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "text", "stance"])
    for i in range(a.rows):
        label = rng.choice(classes)
        n = rng.choice((1, 1, 2, 2, 3))
        # Each sentence comes from the doc's class with probability 0.8, else from another class.
        sentences = [noisy(rng.choice(pools[label if rng.random() < 0.8 else rng.choice(classes)])) for _ in range(n)]
        w.writerow([f"g{i}", " ".join(sentences), label])
