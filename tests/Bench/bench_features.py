#!/usr/bin/env python3
"""Bench of Stance's feature sets (n-grams, sentence encoder, both) beside the scikit-learn peer, on the same
splits, in the same run, with paired bootstrap intervals of the macro-F1 differences.

Protocols (each prints macro-F1 per head and system, then "A − B" intervals):
  corpus     data/stance.csv (real units: grounded + seeds), 5 folds grouped by outlet (no outlet is in
             both the training and the test rows of a fold), heads stance and sentiment
  tweets     data/tweets/tweet_stance.csv, 5-fold CV per target (one model per target), pooled
  yardstick  train on the corpus (with or without data/authored.csv), test on the real-text yardstick: a
             private CSV of real units from outlets the corpus does not use (id,url,outlet,kind,text,stance,
             sentiment; its text never enters the repository; see docs/benchmarks.md). Skipped when absent.
  seeds      leave-one-seed-article-out over the real seed units, all other rows always in training

  /usr/bin/python3 tests/Bench/bench_features.py [--protocols corpus,tweets,yardstick,seeds]
      [--features ngrams,both,encoder] [--trainer linear] [--yardstick ../yardstick/yardstick.csv]
      [--train-args "--class-weight stance:neutral=2"]   (extra Train options for every Stance model)
Needs Debian's python3-sklearn. Not part of the test suite.
"""
import argparse, csv, os, re, shlex, subprocess, sys, tempfile, time
import numpy as np
from sklearn.metrics import f1_score

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stance_build import build, run  # noqa: E402
PEER = os.path.abspath(os.path.join(ROOT, "..", "shared", "peer", "sklearn_peer.py"))
ap = argparse.ArgumentParser()
ap.add_argument("--protocols", default="corpus,tweets,yardstick,seeds")
ap.add_argument("--features", default="ngrams,both,encoder")
ap.add_argument("--trainer", default="linear")
ap.add_argument("--yardstick", default=os.path.join(ROOT, "..", "yardstick", "yardstick.csv"))
ap.add_argument("--train-args", default="", help="extra Stance Train options for every Stance model, e.g. \"--class-weight stance:neutral=2\"")
ap.add_argument("--bootstrap", type=int, default=2000)
ap.add_argument("--out", default=tempfile.mkdtemp(prefix="stance-features-"))
a = ap.parse_args()
os.chdir(ROOT)
TRAIN, SCORE = build(a.out)
TRAIN += shlex.split(a.train_args)
FEATURES = a.features.split(",")




def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(path, rows, columns):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def macro(gold, pred):
    return f1_score(gold, pred, average="macro", zero_division=0)


def bootstrap(gold, pa, pb, n):
    """95% interval of macro-F1(a) − macro-F1(b) over rows resampled with replacement (paired: same rows).
    Macro-F1 from per-class counts with numpy (the textbook formula; a class absent from a resample's gold
    and predictions is left out, as scikit-learn does)."""
    classes = sorted(set(gold) | set(pa) | set(pb))
    code = {c: i for i, c in enumerate(classes)}
    g, a_, b_ = (np.array([code[x] for x in v]) for v in (gold, pa, pb))
    rng, m, K = np.random.default_rng(7), len(gold), len(classes)

    def macro_of(gi, pi):
        tp = np.bincount(gi[gi == pi], minlength=K)
        support, predicted = np.bincount(gi, minlength=K), np.bincount(pi, minlength=K)
        present = (support + predicted) > 0
        f1 = np.divide(2 * tp, support + predicted, out=np.zeros(K), where=present)
        return f1[present].mean()

    diffs = np.sort([macro_of(g[idx], a_[idx]) - macro_of(g[idx], b_[idx]) for idx in (rng.integers(0, m, m) for _ in range(n))])
    return diffs[int(0.025 * n)], diffs[int(0.975 * n) - 1]


def peer(train, test, label, out):
    stdout, _ = run(["/usr/bin/python3", PEER, "--train", train, "--test", test, "--label-column", label, "--predictions", out])
    rows = read_csv(out)
    return [r["gold"] for r in rows], [r["predicted"] for r in rows], float(re.search(r"train_seconds: ([0-9.]+)", stdout).group(1))


def cv(name, data, labels, extra_runs):
    """Train's CV per feature set (one run per extra_runs entry, pooled), then the peer on the exported folds.
    Returns {label: (gold, {system: predictions}, {system: seconds})}; rows are pooled in one fixed order."""
    result = {l: ([], {}, {}) for l in labels}
    for tag, extra in extra_runs:
        d = os.path.join(a.out, name, tag)
        os.makedirs(d, exist_ok=True)
        for feat in FEATURES:
            oof = os.path.join(d, f"oof-{feat}.csv")
            heads = sum((["--label-column", l] for l in labels), [])
            _, secs = run(TRAIN + ["--data", data, "--model", os.path.join(d, f"{feat}.zip"), "--trainer", a.trainer, "--features", feat,
                                   "--export-folds", d, "--oof", oof] + heads + extra)
            rows = sorted(read_csv(oof), key=lambda r: int(r["line"]))
            for l in labels:
                gold, preds, times = result[l]
                if feat == FEATURES[0]:
                    gold += [r[l] for r in rows]
                preds.setdefault(feat, []).extend(r[f"predicted_{l}"] for r in rows)
                times[feat] = times.get(feat, 0) + secs
        # The exported folds carry text and labels, not line numbers: a fold row is matched to its line by its
        # text (the data files hold no repeated texts; records are one line each, so line = row + 2).
        line_of = {r["text"]: i + 2 for i, r in enumerate(read_csv(data))}
        for l in labels:
            folds = sorted(int(m.group(1)) for p in os.listdir(d) if (m := re.match(r"fold-(\d+)-test\.csv$", p)))
            by_line = {}
            for f in folds:
                test = os.path.join(d, f"fold-{f}-test.csv")
                g, p, s = peer(os.path.join(d, f"fold-{f}-train.csv"), test, l, os.path.join(d, f"peer-{l}-{f}.csv"))
                for r, pr in zip(read_csv(test), p):
                    by_line[line_of[r["text"]]] = pr
                result[l][2]["sklearn peer"] = result[l][2].get("sklearn peer", 0) + s
            result[l][1].setdefault("sklearn peer", []).extend(by_line[int(r["line"])] for r in rows)
    return result


def held_out(name, train_csv, test_csv, labels):
    """Train on one file, score another; the peer on the same two files."""
    d = os.path.join(a.out, name)
    os.makedirs(d, exist_ok=True)
    test_rows = read_csv(test_csv)
    result = {l: ([r[l] for r in test_rows], {}, {}) for l in labels}
    heads = sum((["--label-column", l] for l in labels), [])
    for feat in FEATURES:
        model, pred = os.path.join(d, f"{feat}.zip"), os.path.join(d, f"pred-{feat}.csv")
        _, secs = run(TRAIN + ["--data", train_csv, "--model", model, "--trainer", a.trainer, "--features", feat, "--folds", "0"] + heads)
        run(SCORE + ["--model", model, "--format", "csv", "--language", "any", "--out", pred, test_csv])
        rows = read_csv(pred)
        for l in labels:
            result[l][1][feat] = [r[f"predicted_{l}"] for r in rows]
            result[l][2][feat] = secs
    for l in labels:
        g, p, s = peer(train_csv, test_csv, l, os.path.join(d, f"peer-{l}.csv"))
        assert g == result[l][0]
        result[l][1]["sklearn peer"], result[l][2]["sklearn peer"] = p, s
    return result


def report(title, result):
    print(f"\n## {title}")
    for label, (gold, preds, secs) in result.items():
        print(f"\n{label} ({len(gold)} rows)\n| system | macro-F1 | seconds |\n| --- | --- | --- |")
        for system, p in preds.items():
            print(f"| {system} | {macro(gold, p):.4f} | {secs.get(system, 0):.1f} |")
        systems = list(preds)
        pairs = [(x, y) for x in systems for y in systems if x != y and x == "both" and y in ("ngrams", "sklearn peer")]
        pairs += [(x, "sklearn peer") for x in systems if x not in ("both", "sklearn peer")]
        for x, y in pairs:
            lo, hi = bootstrap(gold, preds[x], preds[y], a.bootstrap)
            print(f"{x} − {y}: {100 * (macro(gold, preds[x]) - macro(gold, preds[y])):+.2f} points, 95% paired bootstrap [{100 * lo:+.2f}, {100 * hi:+.2f}]")


protocols = a.protocols.split(",")
print(f"# bench_features: trainer {a.trainer}; features {a.features}; train args [{a.train_args}]; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; out {a.out}")
if "corpus" in protocols:
    report("corpus: data/stance.csv, 5 folds grouped by outlet",
           cv("corpus", "data/stance.csv", ["stance", "sentiment"], [("all", ["--group-column", "outlet"])]))
if "tweets" in protocols:
    targets = sorted({r["target"] for r in read_csv("data/tweets/tweet_stance.csv")})
    report("tweets: data/tweets/tweet_stance.csv, 5-fold CV per target, pooled",
           cv("tweets", "data/tweets/tweet_stance.csv", ["stance"], [(t, ["--where", f"target={t}"]) for t in targets]))
if "seeds" in protocols:
    seeds = os.path.join(a.out, "seeds.csv")
    write_csv(seeds, read_csv("data/stance.csv"), ["id", "source", "text", "stance", "sentiment"])
    report("seeds: leave-one-seed-article-out, the grounded rows always in training",
           cv("seeds", seeds, ["stance", "sentiment"], [("all", ["--group-column", "source", "--always-train", "grounded"])]))
if "yardstick" in protocols:
    if not os.path.exists(a.yardstick):
        print(f"\n## yardstick: skipped ({a.yardstick} not found)")
    else:
        ys = os.path.join(a.out, "yardstick.csv")
        write_csv(ys, read_csv(a.yardstick), ["id", "text", "stance", "sentiment"])
        corpus = read_csv("data/stance.csv")
        cols = ["id", "text", "stance", "sentiment"]
        variants = [("real units (grounded + seeds)", corpus)]
        if os.path.exists("data/authored.csv"):
            authored = read_csv("data/authored.csv")
            variants += [("real units + authored", corpus + authored), ("authored + seeds", authored + [r for r in corpus if r["source"] != "grounded"])]
        for i, (tag, rows) in enumerate(variants):
            train = os.path.join(a.out, f"yardstick-train-{i}.csv")
            write_csv(train, rows, cols)
            report(f"yardstick: trained on {tag} ({len(rows)} rows), tested on {len(read_csv(ys))} real units of unseen outlets",
                   held_out(f"yardstick-{i}", train, ys, ["stance", "sentiment"]))
