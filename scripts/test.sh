#!/usr/bin/env bash
# Runs every test project against real servers: PostgreSQL (Debian), PostgreSQL + pgvector (PGlite over the wire
# protocol), Redis, and Debian's Chromium. Installs what is missing, starts throwaway servers on 127.0.0.1 under a
# temp dir, exports their connection strings, runs the tests, stops the servers and ends with one line
# "N passed, N failed, N skipped".
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
log() { printf '[test.sh] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# ---- 0. the unit tier alone: `scripts/test.sh --fast` ------------------------------------------------------------
# Test projects carry an assembly trait Tier = unit | integration | browser (tests/*/TestTier.cs). The unit tier needs
# no server, no browser and no Orleans cluster, so it runs without installing or starting anything.
if [ "${1:-}" = "--fast" ]; then
  results=$(mktemp -d /tmp/designer-test-fast.XXXXXX)
  trap 'rm -rf "$results"' EXIT
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  status=0
  for project in $(grep -l '"Tier", "unit"' tests/*/TestTier.cs | xargs -n1 dirname); do
    name=$(basename "$project")
    log "running $name (unit tier)"
    dotnet test "$project/$name.csproj" -c Release -nologo -v quiet --filter "Tier=unit${TEST_FILTER:+&($TEST_FILTER)}" \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
  done
  node scripts/lib/trx-summary.mjs "$results" || status=1
  exit $status
fi

# ---- 1. install what is missing ---------------------------------------------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (apt)"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { log "apt-get install failed"; exit 1; }
fi
if [ ! -d tests/services/node_modules/@electric-sql/pglite-socket ]; then
  log "installing PGlite test server (npm ci)"
  (cd tests/services && npm ci --no-audit --no-fund --loglevel=error) || { log "npm ci failed"; exit 1; }
fi

# ---- 2. start throwaway servers ----------------------------------------------------------------------------------
work=$(mktemp -d /tmp/designer-test.XXXXXX)
chmod 755 "$work"
pids=()
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_user=$(id -un)
run_pg() { if [ "$pg_user" = root ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  [ -f "$work/pg/data/postmaster.pid" ] && run_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  [ -n "${redis_port:-}" ] && redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() { node scripts/lib/free-port.mjs; }
wait_port() { # host port name
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0; sleep 0.2; done
  log "$3 did not start on $1:$2"; return 1
}

pg_port=$(free_port)
mkdir -p "$work/pg"
[ "$pg_user" = root ] && chown postgres "$work/pg"
run_pg "$pg_bin/initdb" -D "$work/pg/data" --auth=trust -U postgres -E UTF8 >"$work/pg-init.log" 2>&1 \
  || { cat "$work/pg-init.log"; exit 1; }
run_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg -c fsync=off -c max_connections=600" start >/dev/null \
  || { cat "$work/pg/server.log"; exit 1; }
export DESIGNER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
  --daemonize yes --logfile "$work/redis.log" >/dev/null
wait_port 127.0.0.1 "$redis_port" redis || exit 1
export DESIGNER_TEST_REDIS="127.0.0.1:$redis_port"

pglite_port=$(free_port)
node tests/services/node_modules/@electric-sql/pglite-socket/dist/scripts/server.js \
  -p "$pglite_port" -m 8 -e @electric-sql/pglite-pgvector:vector >"$work/pglite.log" 2>&1 &
pids+=($!)
wait_port 127.0.0.1 "$pglite_port" pglite || { cat "$work/pglite.log"; exit 1; }
export DESIGNER_TEST_PGVECTOR="Host=127.0.0.1;Port=$pglite_port;Username=postgres;Database=postgres;Pooling=false"
export DESIGNER_TEST_CHROMIUM=/usr/bin/chromium
log "PostgreSQL :$pg_port, Redis :$redis_port, PGlite+pgvector :$pglite_port, Chromium $DESIGNER_TEST_CHROMIUM"

# ---- 3. build and run every test project -------------------------------------------------------------------------
results="$work/results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build Designer.sln -c Release -nologo -v quiet; then
  log "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  log "running $name"
  dotnet test "$project" -c Release --no-build -nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" ${TEST_FILTER:+--filter "$TEST_FILTER"} \
    || log "$name reported failures"
done

# The last line is the one CI reads.
node scripts/lib/trx-summary.mjs "$results"
