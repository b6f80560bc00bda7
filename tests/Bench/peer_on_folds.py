#!/usr/bin/env python3
"""Runs the scikit-learn peer (../shared/peer/sklearn_peer.py) on the folds written by
`Stance.Train --export-folds DIR` and prints pooled out-of-fold figures, for comparison with Stance on
exactly the same folds.

  /usr/bin/python3 tests/Bench/peer_on_folds.py DIR [--label-column stance] [--peer PATH]
"""
import argparse, csv, glob, os, re, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("folds")
ap.add_argument("--label-column", default="stance")
ap.add_argument("--peer", default=os.path.join(os.path.dirname(__file__), "../../../shared/peer/sklearn_peer.py"))
a = ap.parse_args()

from sklearn.metrics import classification_report, confusion_matrix, f1_score, accuracy_score

gold, pred, fit_s = [], [], 0.0
tests = sorted(glob.glob(os.path.join(a.folds, "fold-*-test.csv")), key=lambda p: int(re.search(r"fold-(\d+)-", p).group(1)))
if not tests:
    sys.exit(f"{a.folds}: no fold-N-test.csv files (run Stance.Train with --export-folds {a.folds})")
for test in tests:
    train = test.replace("-test.csv", "-train.csv")
    with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as out:
        predictions = out.name
    t = time.perf_counter()
    r = subprocess.run([sys.executable, a.peer, "--train", train, "--test", test, "--label-column", a.label_column,
                        "--predictions", predictions], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(r.stderr)
    fit_s += float(re.search(r"train_seconds: ([0-9.]+)", r.stdout).group(1))
    with open(predictions, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            gold.append(row["gold"]); pred.append(row["predicted"])
    os.unlink(predictions)

labels = sorted(set(gold) | set(pred))
print(f"peer (scikit-learn tfidf w1-3 + c2-5, LinearSVC) on {len(tests)} folds of {a.folds}, label {a.label_column}")
print(f"pooled out-of-fold rows: {len(gold)}  total train seconds: {fit_s:.2f}")
print(f"accuracy: {accuracy_score(gold, pred):.4f}  macro_f1: {f1_score(gold, pred, average='macro'):.4f}")
print(classification_report(gold, pred, labels=labels, digits=4, zero_division=0))
print("confusion (rows=actual, cols=predicted): " + " | ".join(labels))
for lab, row in zip(labels, confusion_matrix(gold, pred, labels=labels)):
    print(f"  {lab:>16} " + " ".join(f"{v:6d}" for v in row))
