#!/usr/bin/env bash
# Measures claim-next over real HTTP: starts Vigil on a fresh embedded database, queues 100,000
# cases, warms the server up with a minute of claiming, then lets 200 agents (fresh ones for each
# run) claim and release concurrently: with 1 s on each case (each agent asks for the next case as
# soon as it let the last one go), with no pause at all (saturation), and as independent people who
# start at random moments and spend on average 10 s on a case. The agents are wrk threads
# (bench/claim.lua), one connection each. Needs wrk (Debian: apt-get install wrk).
# Usage: bench/claim-load.sh [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
key="vgl_load_test_admin_key_0123456789abcdef"
data="$(mktemp -d)"
port=18081
base="http://localhost:$port"
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test > /dev/null
java -Xms1g -Xmx1g -jar target/vigil-*.jar --server.port=$port --vigil.data-dir="$data" \
     --vigil.bootstrap-api-key=$key --logging.level.root=warn > target/claim-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$port/actuator/health > /dev/null && break; sleep 1; done
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
export VIGIL_TOKENS="$data/tokens.txt"
# run <label> <think ms> <pacing> <seconds>: 200 new agents
run() {
  java -cp "$cp" org.vigil.load.ClaimSetup $base $key 0 200 "$VIGIL_TOKENS" > /dev/null
  echo -n "$1: "
  VIGIL_THINK_MS=$2 VIGIL_PACING=$3 wrk -t200 -c200 -d"$4s" --timeout 300s -s bench/claim.lua $base | tail -1
}
java -cp "$cp" org.vigil.load.ClaimSetup $base $key 100000 0 "$VIGIL_TOKENS"
run "warm-up (not a result)" 0 fixed 60
run "1 s on a case" 1000 fixed "$seconds"
run "saturation" 0 fixed "$seconds"
run "independent agents, 10 s mean" 10000 exponential "$seconds"
