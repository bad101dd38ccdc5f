#!/usr/bin/env bash
# Measures intake over real HTTP: starts Vigil (the packaged jar) on a fresh embedded database,
# drives it with wrk (single reports from 32 connections, then batches of 1,000 from 4, then the same
# batches sent asynchronously, and how fast the journal they leave is filed into cases), and stops it.
# Needs wrk (Debian: apt-get install wrk). Usage: bench/intake-load.sh [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
export VIGIL_KEY="vgl_load_test_admin_key_0123456789abcdef"
export VIGIL_BENCH="$PWD/bench"
data="$(mktemp -d)"
port=18080
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
./mvnw -q -DskipTests package
# A 4 GB heap (a sixth of the machine's memory; the JVM's default would be a quarter): a report allocates
# about 57 KB, and with 1 GB the young collections came every 3-4 s, each pausing every request in flight.
java -Xms4g -Xmx4g -jar target/vigil-*.jar --server.port=$port --vigil.data-dir="$data" \
     --vigil.bootstrap-api-key=$VIGIL_KEY --logging.level.root=warn > target/load-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf localhost:$port/actuator/health > /dev/null && break
  kill -0 $server 2> /dev/null || { echo "Vigil did not start: see target/load-server.log" >&2; exit 1; }
  sleep 1
done
# The JIT compiles for minutes after start: after one minute of load the next 15 s still cost the
# JVM about twice the CPU per report of later runs. Two minutes of load first, so that the figures
# are those of a running server rather than of its first minutes.
# CPU time (user + system, clock ticks) of the server and of PostgreSQL's processes over a measured
# run, per report: where the two shared cores went. Database processes that end within the run (an
# autovacuum worker) are not counted, so the PostgreSQL figure is a lower bound.
ticks() { local t=0 s; for p in "$@"; do s=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) && t=$((t + s)); done; echo $t; }
database() { local main; main=$(pgrep -f -- "-D $data/postgres" | head -1); echo "$main $(pgrep -P "$main" | tr '\n' ' ')"; }
measured() { # reports per request, then wrk's arguments
  local per=$1; shift
  local pids j0 p0 out n
  pids=$(database); j0=$(ticks $server); p0=$(ticks $pids)
  out=$(wrk "$@"); echo "$out"
  n=$(echo "$out" | awk '/requests in/ {print $1 * '"$per"'}')
  awk -v j=$(( $(ticks $server) - j0 )) -v p=$(( $(ticks $pids) - p0 )) -v n="$n" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "CPU per report: Vigil JVM %.3f ms, PostgreSQL %.3f ms\n", j * 1000 / hz / n, p * 1000 / hz / n }'
}
echo "== single reports, 32 connections (120 s warm-up, then ${seconds} s measured)"
wrk -t1 -c32 -d120s -s bench/single.lua http://localhost:$port > /dev/null
measured 1 -t1 -c32 -d"${seconds}s" --latency -s bench/single.lua http://localhost:$port
echo "== batches of 1,000 reports, 4 connections (30 s warm-up, then ${seconds} s measured); reports/s = requests/s x 1000"
wrk -t1 -c4 -d30s -s bench/batch.lua http://localhost:$port > /dev/null
measured 1000 -t1 -c4 -d"${seconds}s" --timeout 10s --latency -s bench/batch.lua http://localhost:$port
echo "== asynchronous batches of 1,000 reports (Prefer: respond-async), 4 connections (30 s warm-up, then ${seconds} s measured)"
wrk -t1 -c4 -d30s -s bench/batch-async.lua http://localhost:$port > /dev/null
measured 1000 -t1 -c4 -d"${seconds}s" --timeout 10s --latency -s bench/batch-async.lua http://localhost:$port
filed() { curl -sf localhost:$port/actuator/prometheus | awk '/^vigil_intake_journal_filed_total/ {printf "%d", $2}'; }
lag() { curl -sf localhost:$port/actuator/prometheus | awk '/^vigil_intake_journal_lag_seconds/ {printf "%.0f", $2}'; }
echo "== filing the journal into cases behind, no load (${seconds} s)"
f0=$(filed); echo "journal lag: $(lag) s"; sleep "$seconds"; f1=$(filed)
echo "filed: $(( (f1 - f0) / seconds )) reports/s; journal lag: $(lag) s"
