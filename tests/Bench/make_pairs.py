#!/usr/bin/env python3
"""Large-data bench set of issue 18: docs that join two labeled texts ("A B"), labeled with A's label.
A model must learn which part carries the label; with a few thousand distinct texts most test docs'
first texts also occur in training (as first or second part), so capacity matters.

  python3 tests/Bench/make_pairs.py --rows 80000 --seed 1 --out train.csv               # real-grounded units
  python3 tests/Bench/make_pairs.py --rows 20000 --seed 2 --out test.csv
  python3 tests/Bench/make_pairs.py --data data/tweets/tweet_stance.csv --rows 80000 --seed 1 --out t.csv

--data defaults to data/stance.csv (its seed and grounded units); --label is the label column (stance).
Output columns: id,text,<label>. Seeds 1-2 are the reported sets; choose settings on other seeds.
"""
import argparse, csv, random

ap = argparse.ArgumentParser()
ap.add_argument("--rows", type=int, required=True)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--out", required=True)
ap.add_argument("--data", default="data/stance.csv")
ap.add_argument("--label", default="stance")
a = ap.parse_args()

with open(a.data, newline="", encoding="utf-8") as f:
    units = [(r["text"].strip(), r[a.label]) for r in csv.DictReader(f) if r["text"].strip() and r[a.label]]
if len(units) < 2:
    raise SystemExit(f"{a.data}: fewer than two labeled texts in column {a.label}")

rng = random.Random(a.seed)
with open(a.out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "text", a.label])
    for i in range(a.rows):
        first = rng.randrange(len(units))
        second = rng.randrange(len(units) - 1)
        second += second >= first
        w.writerow([f"p{a.seed}-{i:06d}", units[first][0] + " " + units[second][0], units[first][1]])
