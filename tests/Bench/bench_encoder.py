#!/usr/bin/env python3
"""Speed and memory of scoring with the sentence encoder, beside the same model over n-grams alone.

Trains two models on data/stance.csv (--features both, --features ngrams; --folds 0), then scores the same
short texts (the tweets of data/tweets/tweet_stance.csv, repeated to --texts) with each, several times in
turn, and prints per run: wall seconds, CPU seconds (user + system), texts per wall second, peak RSS.
Ratios are taken within the run. GNU time (/usr/bin/time) measures each Score process.

  python3 tests/Bench/bench_encoder.py [--texts 3000] [--repeats 3]
Not part of the test suite.
"""
import argparse, csv, os, statistics, subprocess, sys, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stance_build import build  # noqa: E402
ap = argparse.ArgumentParser()
ap.add_argument("--texts", type=int, default=3000)
ap.add_argument("--repeats", type=int, default=3)
ap.add_argument("--out", default=tempfile.mkdtemp(prefix="stance-encoder-"))
a = ap.parse_args()
os.chdir(ROOT)
TRAIN, SCORE = build(a.out)

with open("data/tweets/tweet_stance.csv", newline="", encoding="utf-8") as f:
    tweets = [r["text"] for r in csv.DictReader(f)]
texts = os.path.join(a.out, "texts.csv")
with open(texts, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "text"])
    for i in range(a.texts):
        w.writerow([i, tweets[i % len(tweets)]])
mean_chars = statistics.mean(len(tweets[i % len(tweets)]) for i in range(a.texts))


def timed(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr}")
    wall, user, system, rss = r.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(rss) / 1024


models = {}
for features in ("both", "ngrams"):
    models[features] = os.path.join(a.out, f"{features}.zip")
    subprocess.run(TRAIN + ["--data", "data/stance.csv", "--model", models[features], "--features", features, "--folds", "0",
                            "--label-column", "stance", "--label-column", "sentiment"], check=True, stdout=subprocess.DEVNULL)

print(f"# bench_encoder: {a.texts} short texts (tweets, mean {mean_chars:.0f} characters), {os.cpu_count()} cores, {a.repeats} runs each, in turn")
print("| model | run | wall s | CPU s | texts/s (wall) | CPU ms/text | peak RSS MB |\n| --- | --- | --- | --- | --- | --- | --- |")
results = {f: [] for f in models}
for run in range(1, a.repeats + 1):
    for features, model in models.items():
        wall, cpu, rss = timed(SCORE + ["--model", model, "--format", "csv", "--out", os.path.join(a.out, f"pred-{features}.csv"), texts])
        results[features].append((wall, cpu, rss))
        print(f"| {features} | {run} | {wall:.2f} | {cpu:.2f} | {a.texts / wall:.0f} | {1000 * cpu / a.texts:.2f} | {rss:.0f} |")
for features, rows in results.items():
    wall = statistics.median(r[0] for r in rows)
    print(f"median {features}: {a.texts / wall:.0f} texts/s, {1000 * statistics.median(r[1] for r in rows) / a.texts:.2f} CPU ms/text, peak RSS {max(r[2] for r in rows):.0f} MB")
ratio = statistics.median(b[0] / n[0] for b, n in zip(results["both"], results["ngrams"]))
print(f"wall time both / ngrams (median of the paired runs): {ratio:.1f}x")
