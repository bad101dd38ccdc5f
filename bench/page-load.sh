#!/usr/bin/env bash
# Measures how fast the pages answer on the demo data: starts Vigil with demo data on a fresh embedded
# database, signs in as the demo agent and the demo lead, and requests each page 300 times, one after
# another (a person clicking), printing p50/p95/p99/max per page.
# Usage: bench/page-load.sh [requestsPerPage=300]
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-300}"
key="vgl_demo_admin_key_not_for_production"
data="$(mktemp -d)"
port=18082
./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test > /dev/null
java -Xms1g -Xmx1g --enable-native-access=ALL-UNNAMED -jar target/vigil-*.jar --server.port=$port \
     --vigil.data-dir="$data" --vigil.demo=true --logging.level.root=warn > target/page-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
base="http://localhost:$port"
# The demo's quality reviews come after its reports, inquiries and decisions: once one is there, all is loaded.
for _ in $(seq 1 180); do
  curl -sf -H "Authorization: Bearer $key" "$base/api/v1/qa/samples?status=reviewed&limit=1" | grep -q '"id"' && break
  sleep 1
done
first_id() { curl -sf -H "Authorization: Bearer $key" "$base/api/v1/cases?$1&limit=1" | sed -n 's/^{"cases":\[{"id":\([0-9]*\).*/\1/p'; }
ticket=$(first_id "kind=support")
review=$(first_id "kind=review&status=new")
sample=$(curl -sf -H "Authorization: Bearer $key" "$base/api/v1/qa/samples?status=reviewed&limit=1" | sed -n 's/^{"samples":\[{"id":\([0-9]*\).*/\1/p')
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
echo "== agent@vigil.example"
java -cp "$cp" org.vigil.load.PageLoad "$base" agent@vigil.example vigil-demo-password "$requests" \
     / /review "/cases/$review" "/cases/$ticket" "/cases?status=new,open"
echo "== lead@vigil.example"
java -cp "$cp" org.vigil.load.PageLoad "$base" lead@vigil.example vigil-demo-password "$requests" \
     /floor /floor/board /workforce /scorecards /transparency /qa "/qa/$sample"
