#!/usr/bin/env bash
# Issue 15: n8n and Designer driven the same way on this machine, back to back, and the ratio.
#
# n8n: ../shared/bench/n8n/run.sh (install steps in its header; n8n 1.x under /tmp/n8n-bench, wrk). Designer: the
# `wrk` mode of bench/Designer.Runtime.Benchmarks — the same workflow shape (start -> condition -> an end per branch
# answering { id, amount, risk, decision }), started through its webhook with a workflow API key and
# `?wait=PT10S` (synchronous reply), on SQLite, driven by wrk with run.sh's Lua body generator.
#
# Usage: bench/n8n-compare.sh
#   ROUNDS=2 CONCURRENCY="8 32 64" DURATION=30 WARMUP=10 N8N_CONFIG=pool N8N_ENGINE=legacy MAX_RUNS=8 bench/n8n-compare.sh
# Output: every RUN/SUMMARY line of both, then one RATIO line per round and concurrency. Logs in $OUT_DIR.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HARNESS=${N8N_HARNESS:-$ROOT/../shared/bench/n8n/run.sh}
ROUNDS=${ROUNDS:-1}
CONCURRENCY=${CONCURRENCY:-"8 32 64"}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
N8N_CONFIG=${N8N_CONFIG:-pool}
N8N_ENGINE=${N8N_ENGINE:-legacy}
MAX_RUNS=${MAX_RUNS:-8}
OUT_DIR=${OUT_DIR:-$(mktemp -d /tmp/n8n-compare.XXXXXX)}
mkdir -p "$OUT_DIR"

[ -f "$HARNESS" ] || { echo "n8n harness not found at $HARNESS (set N8N_HARNESS)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk missing (apt-get install -y wrk)" >&2; exit 1; }

dotnet build "$ROOT/bench/Designer.Runtime.Benchmarks" -c Release -v q -nologo >"$OUT_DIR/build.log" 2>&1 \
  || { tail -20 "$OUT_DIR/build.log" >&2; exit 1; }
BENCH="$ROOT/artifacts/bin/Designer.Runtime.Benchmarks/release/Designer.Runtime.Benchmarks.dll"

# "c8:76.5rps,p50=..." -> "76.5 <p50>" for one concurrency of a SUMMARY line.
field() { grep -o "c$2:[0-9.]*rps,p50=[0-9.]*" <<<"$1" | sed -E 's/c[0-9]+:([0-9.]+)rps,p50=([0-9.]+)/\1 \2/'; }

for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round: n8n ($N8N_CONFIG, engine ${N8N_ENGINE:-default})" >&2
  CONFIGS=$N8N_CONFIG ENGINE=$N8N_ENGINE CONCURRENCY=$CONCURRENCY DURATION=$DURATION WARMUP=$WARMUP \
    bash "$HARNESS" 2>"$OUT_DIR/n8n-$round.err" | tee "$OUT_DIR/n8n-$round.out"
  echo "== round $round: Designer (MaxConcurrentRuns $MAX_RUNS)" >&2
  dotnet "$BENCH" wrk "$(tr ' ' ',' <<<"$CONCURRENCY")" "$DURATION" "$WARMUP" "$MAX_RUNS" 2>"$OUT_DIR/designer-$round.err" \
    | tee "$OUT_DIR/designer-$round.out"

  n8n=$(grep '^SUMMARY' "$OUT_DIR/n8n-$round.out" | tail -1)
  ours=$(grep '^SUMMARY' "$OUT_DIR/designer-$round.out" | tail -1)
  for c in $CONCURRENCY; do
    read -r n_rps n_p50 <<<"$(field "$n8n" "$c")"
    read -r d_rps d_p50 <<<"$(field "$ours" "$c")"
    awk -v r="$round" -v c="$c" -v nr="$n_rps" -v np="$n_p50" -v dr="$d_rps" -v dp="$d_p50" 'BEGIN {
      printf "RATIO round=%s c=%s n8n_rps=%s designer_rps=%s throughput_ratio=%.2f n8n_p50_ms=%s designer_p50_ms=%s p50_ratio=%.2f\n",
        r, c, nr, dr, (nr > 0 ? dr / nr : 0), np, dp, (np > 0 ? dp / np : 0) }'
  done
done
echo "logs: $OUT_DIR" >&2
