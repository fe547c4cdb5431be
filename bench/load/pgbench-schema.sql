-- Copies the tables one submit writes (and those their foreign keys need) into schema pgbench of the same
-- database: same columns, defaults, identity, CHECK constraints, indexes, storage and table options, and the
-- foreign keys between them. Then seeds :rows draft applications (ids 00000000-0000-4000-8000-<n in hex>) with
-- the answers of a real prepared application (:'answers') and one audit row to chain from. Run with psql as
-- the platform's database user: psql -v rows=N -v answers=… -f pgbench-schema.sql
\set ON_ERROR_STOP on
drop schema if exists pgbench cascade;
create schema pgbench;
do $$
declare
  t text;
  opts text[];
  c record;
begin
  foreach t in array array['family', 'child', 'application', 'application_version', 'review_task', 'sms_outbox', 'audit_event'] loop
    execute format('create table pgbench.%I (like public.%I including all)', t, t);
    select reloptions into opts from pg_class where oid = ('public.' || t)::regclass;
    if opts is not null then
      execute format('alter table pgbench.%I set (%s)', t, array_to_string(opts, ', '));
    end if;
  end loop;
  perform set_config('search_path', 'public', true);
  for c in
    select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint
    where contype = 'f' and connamespace = 'public'::regnamespace
      and conrelid::regclass::text in ('child', 'application', 'application_version', 'review_task')
  loop
    execute format('alter table pgbench.%I add constraint %I %s', c.tbl, c.conname,
      regexp_replace(c.def, 'REFERENCES (\w+)\(', 'REFERENCES pgbench.\1('));
  end loop;
end $$;
set search_path = pgbench;
insert into family (id, tenant_id, owner_subject, registration_number, created_at)
values ('00000000-0000-4000-8000-000000000000', 'kunshan', 'pgbench', 'ES2024000109', now());
insert into child (id, tenant_id, family_id, name, id_type, id_number, stage, created_at)
select ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, 'kunshan', '00000000-0000-4000-8000-000000000000',
       '王小明', 'MAINLAND_ID', 'PGBENCH' || n, 'PRIMARY', now()
from generate_series(1, :rows) n;
insert into application (id, tenant_id, child_id, school_year, status, answers, created_at, updated_at, version, submissions, stage)
select ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'kunshan',
       ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, 2024, 'DRAFT', :'answers'::jsonb, now(), now(), 7, 0, 'PRIMARY'
from generate_series(1, :rows) n;
insert into audit_event (action, actor, target_id, target_type, occurred_at, prev_hash, hash)
values ('pgbench.genesis', 'pgbench', '-', '-', now(), null, repeat('0', 64));
vacuum analyze family, child, application, application_version, review_task, sms_outbox, audit_event;
