#!/usr/bin/env bash
# Benchmark: the reviewer queue (GET /api/review/tasks) with 100 000 Kunshan applications across the
# 12 districts (one OPEN window task and six WAITING department tasks each: 700 000 task rows).
# Needs a running platform (./run.sh) and psql. Seeds synthetic rows (a "bench" family) once, then times
# N requests of a reviewer holding two districts (ks-window-multi: 玉山镇 + 陆家镇) with curl.
# Usage: bench/review-queue.sh [requests=200]   Settings: APP_PORT, KEYCLOAK_PORT, DB_PORT as for run.sh.
set -euo pipefail
N=${1:-200}
APP=http://localhost:${APP_PORT:-8080}
KC=http://localhost:${KEYCLOAK_PORT:-8180}
DB="postgresql://civic:civic@localhost:${DB_PORT:-15432}/civic"

if [ "$(psql "$DB" -Atc "select count(*) from family where owner_subject = 'bench-owner'")" = "0" ]; then
  echo "seeding 100 000 applications and 700 000 review tasks …"
  time psql "$DB" -q -v ON_ERROR_STOP=1 <<'SQL'
begin;
insert into family (id, tenant_id, owner_subject, registration_number, created_at)
values ('00000000-0000-0000-0000-00000000b001', 'kunshan', 'bench-owner', 'ES2024999999', now());
insert into child (id, tenant_id, family_id, name, id_type, id_number, stage, created_at)
select gen_random_uuid(), 'kunshan', '00000000-0000-0000-0000-00000000b001', '测试' || i, 'OTHER', 'BENCH' || i, 'PRIMARY', now()
from generate_series(1, 100000) i;
insert into application (id, tenant_id, child_id, school_year, status, answers, district_code, submitted_at,
                         created_at, updated_at, stage, registration_number, child_id_masked, submissions)
select gen_random_uuid(), 'kunshan', c.id, 2024, 'SUBMITTED', '{}'::jsonb,
       (array['kfq','gxq','hq','lydjq','zp','zs','lj','bc','qd','dsh','jx','zz'])[1 + (n % 12)],
       now() - (n % 14400) * interval '1 minute', now(), now(), 'PRIMARY', 'ES2025' || lpad(n::text, 6, '0'),
       'BENC**********' || lpad((n % 10000)::text, 4, '0'), 1
from (select id, row_number() over (order by id) n from child where family_id = '00000000-0000-0000-0000-00000000b001') c;
insert into review_task (id, tenant_id, application_id, submission, stage_id, scope_kind, scope_value, status,
                         after_stages, district_code, registration_number, child_id_masked, submitted_at, created_at)
select gen_random_uuid(), 'kunshan', a.id, 1, s.stage, s.kind,
       case when s.kind = 'DISTRICT' then a.district_code else s.dept end,
       case when s.kind = 'DISTRICT' then 'OPEN' else 'WAITING' end,
       case when s.kind = 'DISTRICT' then '[]'::jsonb else '["window"]'::jsonb end,
       a.district_code, a.registration_number, a.child_id_masked, a.submitted_at, now()
from application a
cross join (values ('window', 'DISTRICT', null), ('dept-public-security', 'DEPARTMENT', 'public-security'),
                   ('dept-human-resources', 'DEPARTMENT', 'human-resources'), ('dept-medical-insurance', 'DEPARTMENT', 'medical-insurance'),
                   ('dept-real-estate', 'DEPARTMENT', 'real-estate'), ('dept-education', 'DEPARTMENT', 'education'),
                   ('points-office', 'DEPARTMENT', 'points-office')) s(stage, kind, dept)
where a.registration_number like 'ES2025%';
commit;
analyze application; analyze review_task;
SQL
fi

TOKEN=$(curl -s -d grant_type=password -d client_id=civic-test -d username=ks-window-multi -d 'password=Demo#2024' \
  "$KC/realms/civic/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
URL="$APP/api/review/tasks?size=20"
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL"   # warm-up
for _ in $(seq 1 20); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL"; done
echo "total matching: $(curl -s -H "Authorization: Bearer $TOKEN" "$URL" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')"
for _ in $(seq 1 "$N"); do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$URL"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
  printf "requests %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    NR, t[int(NR * 0.50)], t[int(NR * 0.95)], t[int(NR * 0.99)], t[NR] }'

# Search by a child's full ID number (the seeded children's numbers are BENCH1 … BENCH100000; gxq and lj are
# the reviewer's districts, so about one in six is found): child index + the answers' GIN index (V110).
for i in $(seq 1 "$N"); do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$APP/api/review/tasks?size=20&q=BENCH$(( (i * 7919) % 100000 + 1 ))"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
  printf "search by ID number: requests %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    NR, t[int(NR * 0.50)], t[int(NR * 0.95)], t[int(NR * 0.99)], t[NR] }'
