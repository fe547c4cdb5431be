#!/usr/bin/env bash
# Benchmark: an allocation dry run database to database (load, map, compute, store) on 100 000 Kunshan
# applications, 300 schools, 12 districts, in a fresh embedded PostgreSQL 17 with durable settings, with
# the engine's own code (AllocationEngine.dryRun) and a 1 GB heap. Prints load, algorithm, store and
# end-to-end times and the peak heap per run.
# Usage: bench/allocation.sh [applicants=100000] [repetitions=3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q package -pl platform-app -am -DskipTests -Dmaven.war.skip=true >/dev/null
CP="platform-app/target/classes:$(cat platform-app/target/launcher.classpath)"
exec java -Xmx1g -Dbench.dir=platform-app/target/allocation-bench -cp "$CP" \
  bench/allocation/AllocationBenchmark.java "${1:-100000}" "${2:-3}"
