#!/usr/bin/env bash
# Stance and the scikit-learn peer on the same folds (protocols of docs/benchmarks.md):
#  (1) leave-one-seed-article-out over the seed units (the grounded rows always in training), and
#  (2) 5-fold stratified CV over the authored rows (data/authored.csv) only.
# Usage (from the repository root): bash tests/Bench/evaluate_corpus.sh [output-folder]
# TRAINER=auto|linear|nb-linear|fasttree|lightgbm|ensemble picks one trainer; the default is Train's own (linear).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
mkdir -p "$out/loso" "$out/authored"
train() { dotnet run --project src/Stance.Train -c Release -- --trainer "${TRAINER:-linear}" "$@"; }
dotnet build src/Stance.Train -c Release -v q --nologo >/dev/null
for label in stance sentiment; do
  echo "######## $label: leave-one-seed-article-out, real units only"
  train --data data/stance.csv --model "$out/loso/model.zip" --label-column "$label" \
        --group-column source --always-train grounded --export-folds "$out/loso" | grep -v '^\['
  /usr/bin/python3 tests/Bench/peer_on_folds.py "$out/loso" --label-column "$label"
  echo "######## $label: 5-fold stratified CV, authored rows only"
  train --data data/authored.csv --model "$out/authored/model.zip" --label-column "$label" \
        --export-folds "$out/authored" | grep -v '^\['
  /usr/bin/python3 tests/Bench/peer_on_folds.py "$out/authored" --label-column "$label"
done
