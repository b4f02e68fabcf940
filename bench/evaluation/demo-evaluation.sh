#!/usr/bin/env bash
# Issue 13 demo measurement: start the built app in Development on a fresh data directory (seeds the demo, trains
# dispute-risk, ingests past-disputes with the default embedding model, seeds the 1,000-case held-out dataset and the
# demo's versions: v1 active, the stricter v2 pending approval), evaluate on the held-out set and print the metrics and
# the wall-clock time.
# Usage: bench/evaluation/demo-evaluation.sh [v2|v1|baseline]
#   v2 (default): the stricter v2 against the active v1, both sides run; v1: v1 alone (candidate side only);
#   baseline: v1 against itself (both sides).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$(mktemp -d /tmp/designer-demo-eval.XXXXXX)
port=5187
export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:$port Designer__DataDirectory=$data
export Designer__Cluster__SiloPort=11987 Designer__Cluster__GatewayPort=30987 Logging__LogLevel__Default=Warning
dotnet "$root/artifacts/bin/Designer.Web/release/Designer.Web.dll" > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
base=http://127.0.0.1:$port
for _ in $(seq 1 300); do curl -sf $base/health >/dev/null && break; sleep 1; done
login() { curl -s $base/api/auth/login -H 'content-type: application/json' -d "{\"email\":\"$1@demo.local\",\"password\":\"Demo-pass-1\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])'; }
AUTHOR=$(login author)
json() { python3 -c "import sys,json;d=json.load(sys.stdin);print($1)"; }
echo "waiting for past-disputes ingestion…"
start_ingest=$(date +%s)
until curl -s $base/api/collections/past-disputes/jobs -H "authorization: Bearer $AUTHOR" | json "'ok' if any(j['status'].lower()=='succeeded' for j in d.get('items',[])) else ''" | grep -q ok; do sleep 5; done
echo "ingestion finished after $(( $(date +%s) - start_ingest )) s (from the first check)"
ID=$(curl -s "$base/api/workflows?search=Dispute" -H "authorization: Bearer $AUTHOR" | json "d['items'][0]['id']")
# Older data directories (or Designer__Demo__SeedVersions=false) have only the draft: submit it as v1.
curl -s -X POST $base/api/workflows/$ID/versions -H "authorization: Bearer $AUTHOR" > /dev/null || true
DS=$(curl -s "$base/api/datasets?workflowId=$ID" -H "authorization: Bearer $AUTHOR" | json "[x for x in d['items'] if x['name']=='dispute-triage-holdout'][0]['id']")
case "${1:-v2}" in
  v2) body="{\"candidate\":{\"version\":2},\"baseline\":{\"version\":1},\"datasetId\":\"$DS\"}" ;;
  v1) body="{\"candidate\":{\"version\":1},\"datasetId\":\"$DS\"}" ;;
  baseline) body="{\"candidate\":{\"version\":1},\"baseline\":{\"version\":1},\"datasetId\":\"$DS\"}" ;;
  *) echo "usage: $0 [v2|v1|baseline]" >&2; exit 2 ;;
esac
t0=$(date +%s.%N)
EV=$(curl -s -X POST $base/api/workflows/$ID/evaluations -H "authorization: Bearer $AUTHOR" -H 'content-type: application/json' -d "$body" | json "d['id']")
until curl -s "$base/api/evaluations/$EV?cases=false" -H "authorization: Bearer $AUTHOR" | json "d['status']" | grep -qE 'succeeded|failed|cancelled'; do sleep 1; done
t1=$(date +%s.%N)
echo "evaluation wall clock: $(python3 -c "print(round($t1-$t0,1))") s"
curl -s "$base/api/evaluations/$EV?cases=false" -H "authorization: Bearer $AUTHOR" | python3 -m json.tool | head -200
echo "load: $(cat /proc/loadavg)"
