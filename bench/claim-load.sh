#!/usr/bin/env bash
# Measures claim-next over real HTTP: starts Vigil on a fresh embedded database, queues 100,000
# cases, and lets 200 agents claim and release concurrently: first with 1 s on each case (each agent
# asks for the next case as soon as it let the last one go), then with no pause at all (saturation),
# then with independent agents spending on average 10 s on a case.
# Usage: bench/claim-load.sh [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
key="vgl_load_test_admin_key_0123456789abcdef"
data="$(mktemp -d)"
port=18081
./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test > /dev/null
java -Xms1g -Xmx1g -jar target/vigil-*.jar --server.port=$port --vigil.data-dir="$data" \
     --vigil.bootstrap-api-key=$key --logging.level.root=warn > target/claim-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$port/actuator/health > /dev/null && break; sleep 1; done
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
java -cp "$cp" org.vigil.load.ClaimLoad http://localhost:$port $key 200 100000 "$seconds" 5 1000
java -cp "$cp" org.vigil.load.ClaimLoad http://localhost:$port $key 200 0 "$seconds" 5 0
# agents as independent people: random starts, exponentially distributed time on a case (mean 10 s)
java -cp "$cp" org.vigil.load.ClaimLoad http://localhost:$port $key 200 0 "$seconds" 15 10000 exponential
