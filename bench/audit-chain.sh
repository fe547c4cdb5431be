#!/usr/bin/env bash
# Benchmark (issue 17/22): the submit's writes in pgbench with the former audit chain lock
# (bench/load/submit-chain-lock.pgbench: advisory lock, previous hash, new link in every transaction) against
# the append-only insert (bench/load/submit.pgbench) while the platform's sealer (AuditSealer) chains the rows
# every second, on a fresh embedded PostgreSQL with fsync on. Synthetic 1.2 kB answers. Prints one line per
# series. Run it through the slot wrapper: heavy bench/audit-chain.sh [seconds=20] [clients="1 16 32"]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER=${1:-20}
CLIENTS=${2:-"1 16 32"}
PORT=${AUDIT_BENCH_PORT:-15499}
mvn -B -o -q package -pl platform-app -am -DskipTests -Dmaven.war.skip=true >/dev/null
CP="platform-app/target/classes:$(cat platform-app/target/launcher.classpath)"
WORK=platform-app/target/audit-chain-bench
mkdir -p "$WORK"
FLAG="$WORK/seal"; rm -f "$FLAG"
coproc DBP { java -Xmx512m -Dbench.dir="$WORK/db" -cp "$CP" bench/audit/ChainBenchDb.java "$PORT" "$FLAG" 2>"$WORK/db.err"; }
ready=
while read -r word _ <&"${DBP[0]}"; do [ "$word" = READY ] && { ready=1; break; }; done
[ -n "$ready" ] || { echo "database did not start: $(tail -5 "$WORK/db.err")"; exit 1; }
DB="postgresql://civic:civic@localhost:$PORT/civic"
ANSWERS=$(python3 -c 'import json; print(json.dumps({"preview": {"name": "王小明", "idNumber": "320583201803010012"}, "household": {"address": "昆山市玉山镇" + "人民路" * 60, "owner": "王建国"}, "insurance": {"months": 48, "note": "x" * 500}}, ensure_ascii=False))')
series() { # script clients [seal] → "tps latency"
  rm -f "$FLAG"
  psql "$DB" -q -v rows=40000 -v "answers=$ANSWERS" -f bench/load/pgbench-schema.sql >/dev/null 2>&1
  psql "$DB" -q -c "create table pgbench.audit_seal (like public.audit_seal including all)" >/dev/null
  # the sealer starts only now: before pgbench.audit_seal exists its statements would resolve to public.audit_seal
  # (search_path pgbench, public) and keep that table in their cached plans
  [ "${3:-}" = seal ] && touch "$FLAG"
  local j=$2; [ "$j" -gt 2 ] && j=2
  PGOPTIONS="-c search_path=pgbench" pgbench -n -M prepared -c "$2" -j "$j" -T "$SECONDS_PER" -D k=0 -D nclients="$2" \
    -f "$1" "$DB" > "$WORK/pgbench.txt" 2>&1 || { echo "pgbench failed: $(tail -3 "$WORK/pgbench.txt")"; exit 1; }
  printf '%s %s\n' "$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/pgbench.txt")" \
    "$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$WORK/pgbench.txt")"
}
for c in $CLIENTS; do
  read -r tps lat <<< "$(series bench/load/submit-chain-lock.pgbench "$c")"
  echo "chain-lock  clients=$c tps=$tps latency_ms=$lat"
  read -r tps lat <<< "$(series bench/load/submit.pgbench "$c" seal)"
  sleep 2
  unsealed=$(psql "$DB" -Atc "select count(*) from pgbench.audit_event e where not exists (select 1 from pgbench.audit_seal s where s.event_id = e.id)")
  rows=$(psql "$DB" -Atc "select count(*) from pgbench.audit_event")
  echo "append+seal clients=$c tps=$tps latency_ms=$lat audit_rows=$rows unsealed_2s_after=$unsealed"
done
rm -f "$FLAG"
eval "exec ${DBP[1]}>&-"
wait
