# Shared by the whole-process benches (bench_speed.sh, bench_large.sh): sourced from the repository root.
#
# bench_init NAME [work-folder]: sets BENCH, root, work (made), python, peer, rows, test_rows (ROWS,
#   TEST_ROWS, PYTHON, PEER from the environment) and prints the machine line.
# publish_tools: Stance.Train and Stance.Score published to $work/bin/{train,score} (Release, ReadyToRun
#   for this machine's runtime), as a user would deploy them, and checked to start.
# run_scoring N TEST: Score of TEST to CSV N times; the median run's log is copied to $work/score.log.
# timed LOG CMD...: CMD under /usr/bin/time -v, stdout+stderr to LOG; a failure stops the bench.
# read_figures: peer_train, peer_dps, peer_f1 from $work/peer.log; stance_train, stance_score (wall s),
#   stance_dps, stance_f1 from $work/train.log and $work/score.log.
# wall/rss/cpu LOG: wall seconds, peak RSS in MB, user+sys CPU seconds from such a log.
# check TEXT CONDITION: prints "met" or "NOT met" for an awk condition.

bench_init() {
  BENCH=$1
  root=$(pwd)
  work=${2:-$(mktemp -d "/tmp/$BENCH.XXXXXX")}
  mkdir -p "$work"
  python=${PYTHON:-/usr/bin/python3}
  peer=${PEER:-$root/../shared/peer/sklearn_peer.py}
  [ -f "$peer" ] || peer=/work/shared/peer/sklearn_peer.py
  rows=${ROWS:-80000}
  test_rows=${TEST_ROWS:-20000}
  echo "== $BENCH: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
  echo "   work folder: $work"
}

publish_tools() {
  echo "   publishing Stance.Train and Stance.Score (Release, ReadyToRun) ..."
  local rid
  rid=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
  dotnet publish src/Stance.Train -c Release -r "$rid" --self-contained false -o "$work/bin/train" -v q --nologo >/dev/null
  dotnet publish src/Stance.Score -c Release -r "$rid" --self-contained false -o "$work/bin/score" -v q --nologo >/dev/null
  for tool in train score; do
    if ! "$work/bin/$tool/Stance.${tool^}" --help > /dev/null 2>&1; then
      echo "$BENCH: the published Stance.${tool^} does not start (stale build output from another publish?); try: rm -rf src/*/obj src/*/bin" >&2
      exit 1
    fi
  done
}

timed() {
  local log=$1; shift
  if ! /usr/bin/time -v "$@" > "$log" 2>&1; then
    echo "$BENCH: failed: $*" >&2; tail -20 "$log" >&2; exit 1
  fi
}

run_scoring() {
  local runs=$1 test=$2 i
  for i in $(seq 1 "$runs"); do
    timed "$work/score-$i.log" "$work/bin/score/Stance.Score" --model "$work/model.zip" --out "$work/predictions.csv" "$test"
  done
  local median
  median=$(for i in $(seq 1 "$runs"); do echo "$(wall "$work/score-$i.log") $i"; done | sort -n | sed -n "$(( (runs + 1) / 2 ))p" | cut -d' ' -f2)
  cp "$work/score-$median.log" "$work/score.log"
}

read_figures() {
  peer_train=$(awk '/^train_seconds:/ {print $2}' "$work/peer.log")
  peer_dps=$(awk '/^predict_seconds:/ {print $4}' "$work/peer.log")
  peer_f1=$(awk '/^macro_f1:/ {print $2}' "$work/peer.log")
  stance_train=$(wall "$work/train.log")
  stance_score=$(wall "$work/score.log")
  stance_dps=$(awk -v n="$test_rows" -v s="$stance_score" 'BEGIN {printf "%.0f", n / s}')
  stance_f1=$(awk '/macro avg/ {print $5; exit}' "$work/score.log")
}

wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$1"; }
check() { if awk "BEGIN {exit !($2)}"; then echo "  met      $1"; else echo "  NOT met  $1"; fi; }
