#!/usr/bin/env bash
# Large-data bench of issue 18: Stance Train and Score beside the scikit-learn peer on the pairs set,
# same files, same run, so the ratios hold however busy the machine is. Never part of the test suite.
#
#   bash tests/Bench/bench_large.sh [work-folder]        (from the repository root; ~5-8 minutes)
#
# 1. Generates the reported pairs set (make_pairs.py): 80,000 training docs (seed 1), 20,000 test docs (seed 2).
#    DATA=data/tweets/tweet_stance.csv and SEEDS="3 4" give the other kinds and seeds settings are chosen on.
# 2. Publishes Stance.Train and Stance.Score (Release) as a user would deploy them.
# 3. Runs, each under /usr/bin/time -v: the peer (sklearn_peer.py: TF-IDF word 1-3 + char_wb 2-5 + LinearSVC),
#    Stance Train --features ngrams --folds 0 --trainer linear with its default λ (on large data picked on a
#    holdout), and Stance Score of the test docs (three times, the median reported).
# 4. Prints macro-F1, train seconds, docs/s, peak RSS and the ratios against issue 18's goals.
#
# What is compared: the peer's own train_seconds (fit only) and docs_per_second (predict on texts in memory)
# against Stance's WHOLE processes (start-up, CSV, featurizing, fitting, writing the model; start-up, model
# load, CSV in, scoring, output) — tilted toward the peer, never the other way.
# Environment: PEER (path of sklearn_peer.py), PYTHON (default /usr/bin/python3), ROWS / TEST_ROWS, DATA, SEEDS.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tests/Bench/bench_lib.sh
bench_init bench_large "${1:-}"
data=${DATA:-data/stance.csv}
read -r train_seed test_seed <<< "${SEEDS:-1 2}"

python3 tests/Bench/make_pairs.py --data "$data" --rows "$rows" --seed "$train_seed" --out "$work/train.csv"
python3 tests/Bench/make_pairs.py --data "$data" --rows "$test_rows" --seed "$test_seed" --out "$work/test.csv"
echo "   pairs of $data: train $rows rows (seed $train_seed, $(du -h "$work/train.csv" | cut -f1)), test $test_rows rows (seed $test_seed)"

publish_tools

echo "   running the peer (trains and predicts in one process) ..."
timed "$work/peer.log" "$python" "$peer" --train "$work/train.csv" --test "$work/test.csv" --text-column text --label-column stance
echo "   running Stance Train --features ngrams --folds 0 --trainer linear ..."
timed "$work/train.log" "$work/bin/train/Stance.Train" --data "$work/train.csv" --model "$work/model.zip" --label-column stance \
  --features ngrams --folds 0 --trainer linear
echo "   running Stance Score ($test_rows docs to CSV), three times: the median run is reported ..."
run_scoring 3 "$work/test.csv"

read_figures
lambda=$(grep -o 'λ=[^;]*' "$work/train.log" | head -1)

echo
printf "%-36s %12s %12s %12s\n" "" "peer" "Stance" "ratio"
printf "%-36s %12s %12s %12s\n" "macro-F1 on the test docs" "$peer_f1" "$stance_f1" "$(awk -v a="$stance_f1" -v b="$peer_f1" 'BEGIN {printf "%+.4f", a - b}')"
printf "%-36s %12s %12s %12s\n" "train (s; peer: fit only)" "$peer_train" "$stance_train" "$(awk -v a="$stance_train" -v b="$peer_train" 'BEGIN {printf "%.3f", a / b}')"
printf "%-36s %12s %12s %12s\n" "  peak RSS (MB; peer: whole run)" "$(rss "$work/peer.log")" "$(rss "$work/train.log")" ""
printf "%-36s %12s %12s %12s\n" "  CPU time user+sys (s)" "$(cpu "$work/peer.log")" "$(cpu "$work/train.log")" ""
printf "%-36s %12s %12s %12s\n" "score (docs/s; Stance: whole process)" "$peer_dps" "$stance_dps" "$(awk -v a="$stance_dps" -v b="$peer_dps" 'BEGIN {printf "%.1fx", a / b}')"
printf "%-36s %12s %12s %12s\n" "  peak RSS (MB)" "" "$(rss "$work/score.log")" ""
echo "   Stance's λ: $lambda"
echo
echo "goals (issue 18):"
check "macro-F1 not lower than the peer's by more than 0.01" "$stance_f1 >= $peer_f1 - 0.01"
check "train time <= 0.25x the peer's ($stance_train s vs $peer_train s)" "$stance_train <= $peer_train / 4"
check "  stretch: train time <= 0.1x the peer's" "$stance_train <= $peer_train / 10"
check "score >= 10x the peer's docs/s ($stance_dps vs $peer_dps)" "$stance_dps >= 10 * $peer_dps"
check "train peak RSS <= 1 GB ($(rss "$work/train.log") MB)" "$(rss "$work/train.log") <= 1024"
check "score peak RSS <= 512 MB ($(rss "$work/score.log") MB)" "$(rss "$work/score.log") <= 512"
echo "logs: $work/*.log"
