#!/usr/bin/env bash
# Benchmark: the cost of a continuation run (二次志愿): a run up to PUBLIC, published, then the full run with the
# same seed and the applicant-by-applicant check that the published phases are unchanged (RunStore.compare).
# Same data as bench/allocation.sh. Usage: bench/continuation.sh [applicants=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q package -pl platform-app -am -DskipTests -Dmaven.war.skip=true >/dev/null
CP="platform-app/target/classes:$(cat platform-app/target/launcher.classpath)"
OUT=platform-app/target/continuation-bench-classes
mkdir -p "$OUT"
javac -nowarn -cp "$CP" -d "$OUT" bench/allocation/AllocationBenchmark.java
exec java -Xmx1g -Dbench.dir=platform-app/target/continuation-bench -cp "$CP:$OUT" \
  bench/allocation/ContinuationBenchmark.java "${1:-100000}"
