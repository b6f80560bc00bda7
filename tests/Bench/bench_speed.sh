#!/usr/bin/env bash
# Whole-process speed and memory bench: Stance Train and Score beside the scikit-learn peer, same files,
# same run, so the ratios hold however busy the machine is. Never part of the test suite.
#
#   bash tests/Bench/bench_speed.sh [work-folder]        (from the repository root; ~3-5 minutes)
#
# 1. Generates the deterministic corpus: 80,000 training docs (seed 1) and 20,000 test docs (seed 2).
# 2. Publishes Stance.Train and Stance.Score (Release, ReadyToRun) as a user would deploy them.
# 3. Runs, each under /usr/bin/time -v: the peer (tests ../shared/peer/sklearn_peer.py: TF-IDF word 1-3 +
#    char_wb 2-5 + LinearSVC), Stance Train --folds 0 --lambda 1e-4 --trainer linear, Stance Score of the 20,000 docs to CSV
#    (three times, the median reported: a run of under a second is at the mercy of a busy machine).
# 4. Prints times, docs/s, peak RSS, macro-F1 and the ratios against the goals of issue 6.
# 5. Memory growth (skip with FLAT=0, ~2 minutes): Score's peak RSS on ~20 MB and on ~1 GB of unlabeled
#    input (the test docs repeated), and Train's peak RSS on half the training rows beside all of them.
#
# What is compared: the peer's own train_seconds (fit only, no CSV reading, no interpreter start) and
# docs_per_second (predict on texts already in memory) against Stance's WHOLE processes (start-up, CSV,
# featurizing, fitting, writing the model; start-up, model load, CSV in, scoring, CSV out) — the
# comparison is tilted toward the peer, never the other way.
# Environment: PEER (path of sklearn_peer.py), PYTHON (default /usr/bin/python3), ROWS / TEST_ROWS.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/Bench/bench_lib.sh
bench_init bench_speed "${1:-}"

python3 tests/Bench/make_corpus.py --rows "$rows" --seed 1 --out "$work/train.csv"
python3 tests/Bench/make_corpus.py --rows "$test_rows" --seed 2 --out "$work/test.csv"
echo "   corpus: train $(($(wc -l < "$work/train.csv") - 1)) rows ($(du -h "$work/train.csv" | cut -f1)), test $(($(wc -l < "$work/test.csv") - 1)) rows"

publish_tools

echo "   running the peer (trains and predicts in one process) ..."
timed "$work/peer.log" "$python" "$peer" --train "$work/train.csv" --test "$work/test.csv" --text-column text --label-column stance
echo "   running Stance Train --folds 0 --lambda 1e-4 --trainer linear ..."
timed "$work/train.log" "$work/bin/train/Stance.Train" --data "$work/train.csv" --model "$work/model.zip" --folds 0 --lambda 1e-4 --trainer linear
echo "   running Stance Score (20,000 docs to CSV), three times: the median run is reported ..."
run_scoring 3 "$work/test.csv"
score_runs=$(for i in 1 2 3; do printf "%s " "$(wall "$work/score-$i.log")"; done)

read_figures

echo
printf "%-34s %12s %12s %12s\n" "" "peer" "Stance" "ratio"
printf "%-34s %12s %12s %12s\n" "train 80k (s; peer: fit only)" "$peer_train" "$stance_train" "$(awk -v a="$stance_train" -v b="$peer_train" 'BEGIN {printf "%.3f", a / b}')"
printf "%-34s %12s %12s %12s\n" "  peak RSS (MB; peer: whole run)" "$(rss "$work/peer.log")" "$(rss "$work/train.log")" ""
printf "%-34s %12s %12s %12s\n" "  CPU time user+sys (s)" "$(cpu "$work/peer.log")" "$(cpu "$work/train.log")" ""
printf "%-34s %12s %12s %12s\n" "score 20k (docs/s; Stance: whole" "$peer_dps" "$stance_dps" "$(awk -v a="$stance_dps" -v b="$peer_dps" 'BEGIN {printf "%.1fx", a / b}')"
printf "%-34s %12s %12s %12s\n" "  process incl. start-up, load, CSV)" "" "$stance_score s" "runs: $score_runs"
printf "%-34s %12s %12s %12s\n" "  peak RSS (MB)" "" "$(rss "$work/score.log")" ""
printf "%-34s %12s %12s %12s\n" "  CPU time user+sys (s)" "" "$(cpu "$work/score.log")" ""
printf "%-34s %12s %12s %12s\n" "macro-F1 on the 20k test docs" "$peer_f1" "$stance_f1" "$(awk -v a="$stance_f1" -v b="$peer_f1" 'BEGIN {printf "%+.4f", a - b}')"
echo
echo "goals (issue 6):"
check "train time <= 1/10 of the peer's ($stance_train s vs $peer_train s)" "$stance_train <= $peer_train / 10"
check "train peak RSS <= 1 GB ($(rss "$work/train.log") MB)" "$(rss "$work/train.log") <= 1024"
check "score >= 25x the peer's docs/s ($stance_dps vs $peer_dps)" "$stance_dps >= 25 * $peer_dps"
check "score peak RSS <= 512 MB ($(rss "$work/score.log") MB)" "$(rss "$work/score.log") <= 512"
check "macro-F1 not lower than the peer's by more than 0.01" "$stance_f1 >= $peer_f1 - 0.01"

if [ "${FLAT:-1}" != 0 ]; then
  # ~20 MB and ~1 GB inputs: the test rows repeated with new ids; the label column renamed so that Score
  # does not evaluate (an evaluation keeps every labeled unit's gold label and probabilities, by design).
  grow() { awk -v limit="$1" 'NR == 1 {print "n,id,text,gold"; next} {lines[++m] = $0} END {
    while (bytes < limit) for (i = 1; i <= m && bytes < limit; i++) {line = "r" ++n "," lines[i]; print line; bytes += length(line) + 1} }' "$work/test.csv" > "$2"; }
  echo "   memory growth: scoring ~20 MB and ~1 GB of input, training on half the rows ..."
  grow 20000000 "$work/input-20mb.csv"
  grow 1073741824 "$work/input-1gb.csv"
  timed "$work/score-20mb.log" "$work/bin/score/Stance.Score" --model "$work/model.zip" --out "$work/predictions-20mb.csv" "$work/input-20mb.csv"
  timed "$work/score-1gb.log" "$work/bin/score/Stance.Score" --model "$work/model.zip" --out "$work/predictions-1gb.csv" "$work/input-1gb.csv"
  rm -f "$work/input-1gb.csv" "$work/predictions-1gb.csv"
  head -n $((rows / 2 + 1)) "$work/train.csv" > "$work/train-half.csv"
  timed "$work/train-half.log" "$work/bin/train/Stance.Train" --data "$work/train-half.csv" --model "$work/model-half.zip" --folds 0 --lambda 1e-4 --trainer linear
  docs_1gb=$(awk '/^scored / {print $2}' "$work/score-1gb.log")
  echo
  printf "%-34s %12s %12s\n" "score peak RSS (MB)" "~20 MB in" "~1 GB in"
  printf "%-34s %12s %12s\n" "" "$(rss "$work/score-20mb.log")" "$(rss "$work/score-1gb.log")"
  printf "%-34s %12s\n" "  1 GB: docs, docs/s" "$docs_1gb, $(awk -v n="$docs_1gb" -v s="$(wall "$work/score-1gb.log")" 'BEGIN {printf "%.0f", n / s}')"
  printf "%-34s %12s %12s\n" "train peak RSS (MB)" "$((rows / 2)) rows" "$rows rows"
  printf "%-34s %12s %12s\n" "" "$(rss "$work/train-half.log")" "$(rss "$work/train.log")"
  printf "%-34s %12s\n" "  growth per added row (KB)" "$(awk -v a="$(rss "$work/train-half.log")" -v b="$(rss "$work/train.log")" -v n="$rows" 'BEGIN {printf "%.1f", (b - a) * 1024 / (n / 2)}')"
  check "score memory flat: 1 GB of input within 10 % of 20 MB's peak RSS" "$(rss "$work/score-1gb.log") <= 1.1 * $(rss "$work/score-20mb.log")"
fi
echo "logs: $work/*.log"
