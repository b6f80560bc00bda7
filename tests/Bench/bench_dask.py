#!/usr/bin/env python3
"""Score under a real distributed engine: Dask distributed, each partition piped through Stance.Score.

Builds a JSON Lines input (the tweets of data/tweets/tweet_stance.csv, repeated to --docs, each with an id),
splits it into --partitions, and has the cluster's workers run `Stance.Score --format jsonl -` on their
partitions (as a Hadoop Streaming mapper or Spark's RDD.pipe would), then gathers the results in partition
order. It checks that the gathered records equal one single-process run record for record (but "unit", the
row number within each input), and reports docs/s of both.

  /usr/bin/python3 tests/Bench/bench_dask.py [--scheduler tcp://host:8786] [--workers 2] [--docs 20000] [--partitions 8]
Without --scheduler a LocalCluster of --workers worker processes (one thread each) is started here. With one,
the same script drives a real multi-machine cluster: every worker then needs the published Score and the model
at the same paths (--score, --model). Needs Debian's python3-distributed. Not part of the test suite.
"""
import argparse, csv, json, os, subprocess, sys, tempfile, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stance_build import build  # noqa: E402


def pipe(part, command):
    """What a mapper does: the partition on stdin, the scored records from stdout."""
    r = subprocess.run(command, input=part, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return r.stdout


def without_unit(jsonl):
    rows = []
    for line in jsonl.splitlines():
        o = json.loads(line)
        o.pop("unit", None)
        rows.append(o)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scheduler")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--model", default=os.path.join(ROOT, "models", "default.zip"))
    ap.add_argument("--score", help="a published Stance.Score (default: built here)")
    ap.add_argument("--out", default=tempfile.mkdtemp(prefix="stance-dask-"))
    a = ap.parse_args()

    from dask.distributed import Client, LocalCluster

    if a.score:
        score = [a.score]
    else:
        score = build(a.out)[1]
    command = score + ["--model", a.model, "--format", "jsonl", "-"]

    with open(os.path.join(ROOT, "data", "tweets", "tweet_stance.csv"), newline="", encoding="utf-8") as f:
        tweets = [r["text"] for r in csv.DictReader(f)]
    records = [json.dumps({"id": f"d{i}", "text": tweets[i % len(tweets)]}, ensure_ascii=False) for i in range(a.docs)]
    size = -(-len(records) // a.partitions)
    parts = ["\n".join(records[p:p + size]) + "\n" for p in range(0, len(records), size)]


    t = time.perf_counter()
    single = pipe("".join(parts), command)
    single_s = time.perf_counter() - t

    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    workers = len(client.scheduler_info()["workers"])
    t = time.perf_counter()
    futures = client.map(pipe, parts, command=command, pure=False)
    gathered = "".join(client.gather(futures))
    dask_s = time.perf_counter() - t
    client.close()
    if cluster:
        cluster.close()

    same = without_unit(single) == without_unit(gathered)
    print(f"# bench_dask: {a.docs} docs in {len(parts)} partitions, {workers} Dask workers ({'scheduler ' + a.scheduler if a.scheduler else 'LocalCluster'}), {os.cpu_count()} cores")
    print(f"single process: {single_s:.1f} s, {a.docs / single_s:.0f} docs/s")
    print(f"dask: {dask_s:.1f} s, {a.docs / dask_s:.0f} docs/s ({single_s / dask_s:.2f}x the single process)")
    print(f"gathered output equals the single run, record for record: {same}")
    sys.exit(0 if same else 1)


# Dask starts its worker processes by re-importing this file: the work runs only in the parent.
if __name__ == "__main__":
    main()
