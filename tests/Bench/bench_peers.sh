#!/usr/bin/env bash
# Issue 18's peer bench: ML.NET's text pipeline (FeaturizeText → SdcaMaximumEntropy / LbfgsMaximumEntropy),
# ML.NET's optimizers on Stance's own featurized rows beside Stance's L-BFGS, the scikit-learn peer, and
# Stance's published Train/Score — all on the SAME split files, in the same run. Never part of the test suite.
#
#   bash tests/Bench/bench_peers.sh [work-folder]        (from the repository root; ~15 minutes on 2 busy cores)
#
# Sets: stance   data/stance.csv, 5-fold stratified CV (folds exported once by export_folds.py)
#       pairs    make_pairs.py: 80,000 training docs (seed 1), 20,000 test docs (seed 2)
#       tweets   data/tweets/tweet_stance.csv, one model per target, 5-fold CV within each target
# macro-F1: per group (tweets: target), the pooled test rows of all its folds; then the mean over groups.
# train s: fit time summed over the splits, measured inside the process (ML.NET: Fit() incl. featurizing;
#          rows peers: the optimizer alone; scikit-learn: pipeline fit; Stance: Train's "trained in").
# docs/s:  test rows / scoring time (ML.NET, rows peers, scikit-learn: in-process predict; Stance: the WHOLE
#          Score process — start-up, model load, CSV in and out — so on small folds it is mostly start-up).
# peak RSS: the largest of the system's processes (/usr/bin/time -v), each system in its own processes.
# Stance runs with --features ngrams (the default, auto, adds the sentence encoder below 20,000 rows) and
# Score with --language any (the tweets include Spanish ones, which --language en would leave unscored).
# Environment: LIMIT (seconds a C# peer process may run, default 900; past it: "did not finish in N s"),
# PEER (sklearn_peer.py), PYTHON (/usr/bin/python3), SETS (default "stance tweets pairs"), SYSTEMS.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=${1:-$(mktemp -d /tmp/stance-peers.XXXXXX)}
mkdir -p "$work"
python=${PYTHON:-/usr/bin/python3}
peer=${PEER:-$root/../shared/peer/sklearn_peer.py}
[ -f "$peer" ] || peer=/work/shared/peer/sklearn_peer.py
limit=${LIMIT:-900}
sets=${SETS:-stance tweets pairs}
systems=${SYSTEMS:-ours-rows-lbfgs mlnet-rows-lbfgs mlnet-rows-sdca mlnet-rows-sdca-1e-3 stance sklearn-svm mlnet-sdca mlnet-lbfgs}
results=$work/results.tsv
: > "$results"

echo "== bench_peers: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -m)"
echo "   work folder: $work   C# peer time limit: $limit s"

echo "   building the bench program and publishing Stance.Train / Stance.Score (Release) ..."
dotnet build -c Release tests/Stance.Benchmarks -v q --nologo > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
bench="dotnet $root/tests/Stance.Benchmarks/bin/Release/net10.0/Stance.Benchmarks.dll"
dotnet publish src/Stance.Train -c Release -o "$work/bin/train" -v q --nologo > "$work/publish.log" 2>&1 || { tail -20 "$work/publish.log"; exit 1; }
dotnet publish src/Stance.Score -c Release -o "$work/bin/score" -v q --nologo >> "$work/publish.log" 2>&1 || { tail -20 "$work/publish.log"; exit 1; }

echo "   exporting the splits ..."
$python tests/Bench/export_folds.py --data data/stance.csv --label stance --folds 5 --seed 42 --out "$work/stance" > /dev/null
$python tests/Bench/export_folds.py --data data/tweets/tweet_stance.csv --label stance --group target --folds 5 --seed 42 --out "$work/tweets" > /dev/null
if [[ " $sets " == *" pairs "* ]]; then
  mkdir -p "$work/pairs"
  python3 tests/Bench/make_pairs.py --rows 80000 --seed 1 --out "$work/pairs/train.csv"
  python3 tests/Bench/make_pairs.py --rows 20000 --seed 2 --out "$work/pairs/test.csv"
fi

wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
field() { awk -v k="$1:" '$1 == k {print $2}' "$2"; }
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$results"; }   # system set macro-F1 train-s docs/s rss-MB

# The (train, test) pairs of a set, one per line.
splits() {
  case $1 in
    pairs) echo "$work/pairs/train.csv $work/pairs/test.csv" ;;
    *) for t in "$work/$1"/*fold-*-test.csv; do echo "${t%-test.csv}-train.csv $t"; done ;;
  esac
}
source_args() { case $1 in pairs) echo "--train $work/pairs/train.csv --test $work/pairs/test.csv" ;; *) echo "--folds-dir $work/$1" ;; esac; }

for set in $sets; do
  for system in $systems; do
    log=$work/$system.$set.log
    echo "   [$(date -u +%H:%M:%S)] $system on $set ..."
    case $system in
      mlnet-*|ours-*)
        # mlnet-rows-sdca-1e-3: the SDCA rows peer with ConvergenceTolerance 1e-3 instead of ML.NET's 0.1
        args=(--peer "$system"); [ "$system" = mlnet-rows-sdca-1e-3 ] && args=(--peer mlnet-rows-sdca --sdca-tolerance 0.001)
        /usr/bin/time -v timeout "$limit" $bench peers "${args[@]}" $(source_args "$set") --label stance > "$log" 2>&1
        rc=$?
        if [ $rc = 124 ]; then record "$system" "$set" "did not finish in $limit s" "-" "-" "$(rss "$log")"
        elif [ $rc != 0 ]; then record "$system" "$set" "failed (see $log)" "-" "-" "$(rss "$log")"
        else record "$system" "$set" "$(field macro_f1 "$log")" "$(field train_seconds "$log")" "$(awk '/docs_per_second:/ {print $4}' "$log")" "$(rss "$log")"
        fi ;;
      sklearn-svm)
        fit=0; pred=0; rows=0; peak=0; files=(); ok=1
        while read -r train test; do
          name=$(basename "${test%-test.csv}")
          out=$work/preds/$set/sklearn-$name.csv; mkdir -p "$(dirname "$out")"
          if ! /usr/bin/time -v $python "$peer" --train "$train" --test "$test" --label-column stance --predictions "$out" > "$log.part" 2>&1; then ok=0; cat "$log.part" >> "$log"; break; fi
          cat "$log.part" >> "$log"
          fit=$(awk -v a="$fit" -v b="$(field train_seconds "$log.part")" 'BEGIN {print a + b}')
          pred=$(awk -v a="$pred" -v b="$(awk '/predict_seconds:/ {print $2}' "$log.part")" 'BEGIN {print a + b}')
          rows=$((rows + $(awk '/test_rows:/ {print $4}' "$log.part")))
          r=$(rss "$log.part"); [ "$r" -gt "$peak" ] && peak=$r
          files+=("$out")
        done < <(splits "$set")
        rm -f "$log.part"
        if [ $ok = 0 ]; then record "$system" "$set" "failed (see $log)" "-" "-" "-"; continue; fi
        record "$system" "$set" "$($python tests/Bench/pooled_f1.py --gold gold --predicted predicted "${files[@]}")" \
          "$(awk -v a="$fit" 'BEGIN {printf "%.3f", a}')" "$(awk -v r="$rows" -v s="$pred" 'BEGIN {printf "%.0f", r / s}')" "$peak" ;;
      stance)
        fit=0; score=0; rows=0; peak=0; files=(); ok=1
        : > "$log"
        while read -r train test; do
          name=$(basename "${test%-test.csv}")
          out=$work/preds/$set/stance-$name.csv; mkdir -p "$(dirname "$out")"
          model=$work/models/$set-$name.zip; mkdir -p "$(dirname "$model")"
          if ! /usr/bin/time -v "$work/bin/train/Stance.Train" --data "$train" --model "$model" --label-column stance --features ngrams --folds 0 > "$log.part" 2>&1; then ok=0; cat "$log.part" >> "$log"; break; fi
          cat "$log.part" >> "$log"
          fit=$(awk -v a="$fit" -v b="$(grep -o 'trained in [0-9.]* s' "$log.part" | awk '{print $3}')" 'BEGIN {print a + b}')
          r=$(rss "$log.part"); [ "$r" -gt "$peak" ] && peak=$r
          if ! /usr/bin/time -v "$work/bin/score/Stance.Score" --model "$model" --language any --out "$out" "$test" > "$log.part" 2>&1; then ok=0; cat "$log.part" >> "$log"; break; fi
          cat "$log.part" >> "$log"
          score=$(awk -v a="$score" -v b="$(wall "$log.part")" 'BEGIN {print a + b}')
          rows=$((rows + $(grep -o 'scored [0-9]* units' "$log.part" | awk '{print $2}')))
          r=$(rss "$log.part"); [ "$r" -gt "$peak" ] && peak=$r
          files+=("$out")
        done < <(splits "$set")
        rm -f "$log.part"
        if [ $ok = 0 ]; then record "$system" "$set" "failed (see $log)" "-" "-" "-"; continue; fi
        record "$system" "$set" "$($python tests/Bench/pooled_f1.py --gold stance --predicted predicted_stance "${files[@]}")" \
          "$(awk -v a="$fit" 'BEGIN {printf "%.3f", a}')" "$(awk -v r="$rows" -v s="$score" 'BEGIN {printf "%.0f", r / s}')" "$peak" ;;
    esac
    tail -1 "$results" | awk -F'\t' '{printf "      macro-F1 %s  train %s s  %s docs/s  peak RSS %s MB\n", $3, $4, $5, $6}'
  done
done

echo
echo "== results: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   systems: mlnet-sdca / mlnet-lbfgs = ML.NET FeaturizeText → Sdca/LbfgsMaximumEntropy (defaults);"
echo "   ours-rows-lbfgs = Stance featurizer + Stance L-BFGS (λ 0.01/√n, balanced); mlnet-rows-* = ML.NET's optimizer on those rows"
echo "   (lbfgs: L2 = λ·Σw, our tolerance; sdca: L2 = λ, ConvergenceTolerance 0.1 = ML.NET's default, or 1e-3 for mlnet-rows-sdca-1e-3);"
echo "   sklearn-svm = $peer (TF-IDF w1-3 + char_wb 2-5, LinearSVC C=0.5); stance = Stance.Train --features ngrams --folds 0 + Stance.Score"
printf '%-22s %-8s %-24s %10s %10s %10s\n' system set macro-F1 "train s" "docs/s" "peak MB"
sort -t$'\t' -k2,2 -s "$results" | awk -F'\t' '{printf "%-22s %-8s %-24s %10s %10s %10s\n", $1, $2, $3, $4, $5, $6}'
