#!/usr/bin/env bash
# Measures intake over real HTTP: starts Vigil on a fresh embedded database, drives it with the
# load generator (single reports with 32 clients, then batches of 1,000), and stops it.
# Usage: bench/intake-load.sh [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
key="vgl_load_test_admin_key_0123456789abcdef"
data="$(mktemp -d)"
port=18080
./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test > /dev/null
java -Xms1g -Xmx1g -jar target/vigil-*.jar --server.port=$port --vigil.data-dir="$data" \
     --vigil.bootstrap-api-key=$key --logging.level.root=warn > target/load-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$port/actuator/health > /dev/null && break; sleep 1; done
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
java -cp "$cp" org.vigil.load.IntakeLoad http://localhost:$port $key single 32 "$seconds" 5
java -cp "$cp" org.vigil.load.IntakeLoad http://localhost:$port $key batch 4 "$seconds" 5 1000
