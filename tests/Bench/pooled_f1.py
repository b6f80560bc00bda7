#!/usr/bin/env python3
"""Macro-F1 of prediction files, as bench_peers.sh reports it: the files are grouped by the part of their name
before "fold-" (e.g. embargo-fold-3.csv → embargo; fold-3.csv and test.csv → one group), each group's rows
are pooled, and the groups' macro-F1 (scikit-learn's average="macro" over the labels in gold or predicted)
are averaged.

  python3 tests/Bench/pooled_f1.py --gold stance --predicted predicted_stance FILE...
"""
import argparse, csv, os, re
from collections import defaultdict

ap = argparse.ArgumentParser()
ap.add_argument("--gold", required=True)
ap.add_argument("--predicted", required=True)
ap.add_argument("files", nargs="+")
a = ap.parse_args()

def macro_f1(gold, pred):
    labels = sorted(set(gold) | set(pred))
    f1 = []
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        npred = sum(1 for p in pred if p == c)
        ngold = sum(1 for g in gold if g == c)
        prec = tp / npred if npred else 0.0
        rec = tp / ngold if ngold else 0.0
        f1.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1) / len(f1)

pooled = defaultdict(lambda: ([], []))
for path in a.files:
    m = re.match(r"(.*?)-?fold-\d+", os.path.basename(path))
    group = m.group(1) if m else ""
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pooled[group][0].append(r[a.gold]); pooled[group][1].append(r[a.predicted])
scores = [macro_f1(g, p) for g, p in pooled.values()]
print(f"{sum(scores) / len(scores):.4f}")
