#!/usr/bin/env python3
"""Writes stratified k-fold splits of a labeled CSV as files, so every system of a bench reads the same rows:
DIR/fold-N-train.csv and DIR/fold-N-test.csv (N = 1..k), or with --group COLUMN one set per value of that
column, DIR/<value>-fold-N-{train,test}.csv (folds made within each value). Every column is kept.

  python3 tests/Bench/export_folds.py --data data/stance.csv --label stance --folds 5 --seed 42 --out DIR
  python3 tests/Bench/export_folds.py --data data/tweets/tweet_stance.csv --label stance --group target --out DIR

Folds: scikit-learn's StratifiedKFold(k, shuffle=True, random_state=seed) over the rows in file order.
"""
import argparse, csv, os
from sklearn.model_selection import StratifiedKFold

ap = argparse.ArgumentParser()
ap.add_argument("--data", required=True)
ap.add_argument("--label", default="stance")
ap.add_argument("--group")
ap.add_argument("--folds", type=int, default=5)
ap.add_argument("--seed", type=int, default=42)
ap.add_argument("--out", required=True)
a = ap.parse_args()

with open(a.data, newline="", encoding="utf-8") as f:
    reader = csv.DictReader(f)
    fields = reader.fieldnames
    rows = [r for r in reader if r["text"].strip() and r[a.label]]
os.makedirs(a.out, exist_ok=True)
groups = sorted({r[a.group] for r in rows}) if a.group else [None]
for g in groups:
    part = [r for r in rows if g is None or r[a.group] == g]
    split = StratifiedKFold(a.folds, shuffle=True, random_state=a.seed).split(part, [r[a.label] for r in part])
    for n, (train, test) in enumerate(split, 1):
        for name, idx in (("train", train), ("test", test)):
            path = os.path.join(a.out, f"{g + '-' if g else ''}fold-{n}-{name}.csv")
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=fields)
                w.writeheader()
                w.writerows(part[i] for i in idx)
    print(f"{a.out}: {g or 'all'}: {len(part)} rows in {a.folds} folds")
