#!/usr/bin/env python3
"""Bench of Stance's trainers beside the scikit-learn peer, on the same splits, in the same run.

For each trainer (linear, nb-linear, fasttree, lightgbm, ensemble, auto) and the peer it prints macro-F1, the mean F1 of
pro-government and critical (stance), and training time, under these protocols:
  seeds     leave-one-seed-article-out over the 72 seed units (the grounded rows always in training)
  corpus    5-fold stratified CV over all of data/stance.csv
  tweets    5-fold CV per target on data/tweets/tweet_stance.csv (one model per target), pooled
  generated a deterministic generated set (tests/Bench/make_corpus.py): train 20,000 / test 5,000
  repeats   (only when named) the corpus protocol once per seed of --fold-seeds (Train's --seed: it draws the
            folds and the trainers' own shuffles): each seed's figures and the spread of each trainer's gap to
            the peer, i.e. how far one 5-fold run moves with its folds alone. Figures only; no choice is made
            from them.
Times, CV protocols: "fold fits" is the same work on both sides, the 5 (or 6) fold models: for Stance the
wall time Train prints for its CV fits (fitting and predicting every fold, counting n-grams excluded), for the
peer the sum of the per-fold fit times it reports for itself. "whole" is Stance's whole processes (start-up,
reading, counting, CV and the final fit). Generated set: one fit each, Stance's whole process against
the peer's fit time.

  /usr/bin/python3 tests/Bench/bench_trainers.py [--protocols seeds,corpus,tweets,generated] [--trainers ...]
  /usr/bin/python3 tests/Bench/bench_trainers.py --protocols repeats --trainers linear,nb-linear,auto [--fold-seeds 1,2,3]
Needs Debian's python3-sklearn. Not part of the test suite.
"""
import argparse, csv, os, re, statistics, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stance_build import run  # noqa: E402
from sklearn.metrics import f1_score

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PEER = os.path.abspath(os.path.join(ROOT, "..", "shared", "peer", "sklearn_peer.py"))
ap = argparse.ArgumentParser()
ap.add_argument("--protocols", default="seeds,corpus,tweets,generated")
ap.add_argument("--trainers", default="linear,nb-linear,fasttree,lightgbm,ensemble,auto")
ap.add_argument("--fold-seeds", default="1,2,3,4,5,6,7,8,9,10", help="repeats protocol: the fold seeds")
ap.add_argument("--out", default=tempfile.mkdtemp(prefix="stance-bench-"))
a = ap.parse_args()
os.chdir(ROOT)
subprocess.run(["dotnet", "build", "src/Stance.Train", "-c", "Release", "-v", "q", "--nologo"], check=True, stdout=subprocess.DEVNULL)
subprocess.run(["dotnet", "build", "src/Stance.Score", "-c", "Release", "-v", "q", "--nologo"], check=True, stdout=subprocess.DEVNULL)
TRAIN = ["dotnet", "src/Stance.Train/bin/Release/net10.0/Stance.Train.dll"]
SCORE = ["dotnet", "src/Stance.Score/bin/Release/net10.0/Stance.Score.dll"]



def figures(gold, pred):
    macro = f1_score(gold, pred, average="macro")
    labels = sorted(set(gold))
    if {"pro-government", "critical"} <= set(labels):
        per = f1_score(gold, pred, labels=["pro-government", "critical"], average=None, zero_division=0)
        return macro, (per[0] + per[1]) / 2
    return macro, None


def read_oof(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["stance"] for r in rows], [r["predicted_stance"] for r in rows]


def peer_on_folds(folds_dir):
    gold, pred, secs = [], [], 0.0
    n = len([p for p in os.listdir(folds_dir) if p.endswith("-test.csv")])
    for i in range(1, n + 1):
        out = os.path.join(folds_dir, f"peer-{i}.csv")
        stdout, _ = run(["/usr/bin/python3", PEER, "--train", os.path.join(folds_dir, f"fold-{i}-train.csv"),
                         "--test", os.path.join(folds_dir, f"fold-{i}-test.csv"), "--label-column", "stance", "--predictions", out])
        secs += float(re.search(r"train_seconds: ([0-9.]+)", stdout).group(1))
        with open(out, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                gold.append(r["gold"]); pred.append(r["predicted"])
    return gold, pred, secs


def cv_protocol(name, data, extra_runs):
    """extra_runs: list of (tag, extra Train args); results pooled over the runs (one per target for tweets)."""
    results = {}
    for trainer in a.trainers.split(","):
        gold, pred, secs, fits = [], [], 0.0, 0.0
        for tag, extra in extra_runs:
            d = os.path.join(a.out, name, tag)
            os.makedirs(d, exist_ok=True)
            oof = os.path.join(d, f"oof-{trainer}.csv")
            out, s = run(TRAIN + ["--data", data, "--model", os.path.join(d, f"{trainer}.zip"), "--label-column", "stance",
                                  "--trainer", trainer, "--export-folds", d, "--oof", oof] + extra)
            g, p = read_oof(oof)
            gold += g; pred += p; secs += s
            fits += float(re.search(r"cross-validation fits: \d+ folds in ([0-9.]+) s", out).group(1))
        results[trainer] = (*figures(gold, pred), fits, secs, len(gold))
    gold, pred, secs = [], [], 0.0
    for tag, _ in extra_runs:
        g, p, s = peer_on_folds(os.path.join(a.out, name, tag))
        gold += g; pred += p; secs += s
    results["sklearn peer"] = (*figures(gold, pred), secs, None, len(gold))
    return results


def generated():
    d = os.path.join(a.out, "generated")
    os.makedirs(d, exist_ok=True)
    train, test = os.path.join(d, "train.csv"), os.path.join(d, "test.csv")
    run(["python3", "tests/Bench/make_corpus.py", "--rows", "20000", "--seed", "11", "--out", train])
    run(["python3", "tests/Bench/make_corpus.py", "--rows", "5000", "--seed", "12", "--out", test])
    results = {}
    for trainer in a.trainers.split(","):
        model, preds = os.path.join(d, f"{trainer}.zip"), os.path.join(d, f"pred-{trainer}.csv")
        _, s = run(TRAIN + ["--data", train, "--model", model, "--folds", "0", "--trainer", trainer])
        run(SCORE + ["--model", model, "--format", "csv", "--out", preds, test])
        with open(preds, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        results[trainer] = (*figures([r["stance"] for r in rows], [r["predicted_stance"] for r in rows]), s, None, len(rows))
    stdout, _ = run(["/usr/bin/python3", PEER, "--train", train, "--test", test, "--predictions", os.path.join(d, "peer.csv")])
    with open(os.path.join(d, "peer.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    secs = float(re.search(r"train_seconds: ([0-9.]+)", stdout).group(1))
    results["sklearn peer"] = (*figures([r["gold"] for r in rows], [r["predicted"] for r in rows]), secs, None, len(rows))
    return results


def repeats():
    """The corpus protocol once per fold seed; prints each seed's macro-F1 and returns the mean per trainer."""
    seeds = [int(x) for x in a.fold_seeds.split(",")]
    per_seed = [cv_protocol(f"repeats/seed-{seed}", "data/stance.csv", [("all", ["--seed", str(seed)])]) for seed in seeds]
    names = list(per_seed[0])
    means = {n: statistics.mean(r[n][0] for r in per_seed) for n in names}
    print("\n### repeats: corpus 5-fold CV under each fold seed (macro-F1; gap = trainer − peer, points)\n")
    print("| fold seed | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for seed, res in zip(seeds, per_seed):
        print(f"| {seed} | " + " | ".join(f"{res[n][0]:.4f}" for n in names) + " |")
    print("\n| trainer | mean macro-F1 | mean gap | SD of gap over seeds | smallest gap | largest gap | seeds with gap ≥ 1.5 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for n in names[:-1]:
        gaps = [100 * (res[n][0] - res["sklearn peer"][0]) for res in per_seed]
        sd = statistics.stdev(gaps) if len(gaps) > 1 else 0.0
        print(f"| {n} | {means[n]:.4f} | {statistics.mean(gaps):+.2f} | {sd:.2f} | {min(gaps):+.2f} | {max(gaps):+.2f} | {sum(g >= 1.5 for g in gaps)} of {len(gaps)} |")
    # The table below then shows the means, with the summed fold-fit seconds of all seeds.
    return {n: (means[n], None, sum(r[n][2] for r in per_seed), None, per_seed[0][n][4]) for n in names}


protocols = {
    "seeds": lambda: cv_protocol("seeds", "data/stance.csv", [("all", ["--group-column", "source", "--always-train", "grounded"])]),
    "corpus": lambda: cv_protocol("corpus", "data/stance.csv", [("all", [])]),
    "tweets": lambda: cv_protocol("tweets", "data/tweets/tweet_stance.csv",
                                  [(t, ["--where", f"target={t}"]) for t in ["embargo", "remittances", "tourism", "migration-parole", "cuban-doctors"]]),
    "generated": generated,
    "repeats": repeats,
}
print(f"bench output folder: {a.out}")
for name in a.protocols.split(","):
    res = protocols[name]()
    print(f"\n### {name}\n")
    peer_secs = res["sklearn peer"][2]
    print("| trainer | macro-F1 | mean F1 pro-gov + critical | fold fits (or one fit) seconds | × peer | whole processes seconds | rows scored |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for trainer, (macro, procrit, secs, whole, n) in res.items():
        pc = "" if procrit is None else f"{procrit:.4f}"
        wh = "" if whole is None else f"{whole:.1f}"
        print(f"| {trainer} | {macro:.4f} | {pc} | {secs:.2f} | {secs / peer_secs:.2f} | {wh} | {n} |")
    sys.stdout.flush()
