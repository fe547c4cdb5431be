-- The audit trail becomes append-only in the database and is sealed by one sealer instead of a lock held
-- by every audited transaction (issues 22 and 17).
--
-- * audit_event: transactions only INSERT a row (no hash, no lock). txid is the inserting transaction's id,
--   so the sealer knows which rows it may already have seen (see AuditSealer).
-- * audit_seal: the chain. One row per sealed event, in the order the sealer appended it (position 1, 2, …):
--   prev_hash and hash (SHA-256 over the previous hash and the event's fields, AuditChain). A row committed
--   late (a small id after larger ones were sealed) simply gets a later position.
-- * The application's role may only INSERT and SELECT these tables (DatabaseMigration grants it on start);
--   retention removes a prefix only through audit_purge below (SECURITY DEFINER, owned by the schema owner),
--   which leaves an audit_checkpoint and an audit.purge row.

alter table audit_event add column txid bigint;
alter table audit_event alter column txid set default (pg_current_xact_id()::text::bigint);
create index audit_event_txid_idx on audit_event (txid);

create table audit_seal (
    position   bigint      primary key,
    event_id   bigint      not null unique,
    prev_hash  varchar(64) not null,
    hash       varchar(64) not null,
    sealed_at  timestamptz not null,
    -- the oldest transaction still running when this row's batch was sealed: every event of an older
    -- transaction was visible to that batch, so the next batch looks only at events from this one on
    floor_xid  bigint      not null
);

-- The chain so far (rows hashed by the former lock) moves over as it is: same order, same hashes.
insert into audit_seal (position, event_id, prev_hash, hash, sealed_at, floor_xid)
select row_number() over (order by id), id, prev_hash, hash, now(), 0
from audit_event where hash is not null and prev_hash is not null;
-- rows without a hash (older than the chain) are sealed by the sealer like new ones
update audit_event set txid = 0 where hash is null;

-- retention checkpoints now also name the last purged position of the chain (0 for the ones before it)
alter table audit_checkpoint add column purged_through_position bigint not null default 0;

-- Removes the oldest sealed rows whose events occurred before p_cutoff, as a prefix of the chain (up to the
-- first younger row), never anything younger than 180 days; leaves a checkpoint with the hash of the last
-- removed position and an audit.purge row (target = its event id, digest = its hash) that the sealer chains.
create function audit_purge(p_cutoff timestamptz)
    returns table (purged_through_position bigint, purged_through_id bigint, deleted_rows bigint, last_hash varchar)
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    v_from    bigint;
    v_through bigint;
    v_event   bigint;
    v_hash    varchar(64);
    v_deleted bigint;
begin
    -- (a minute's slack for the clock of the node that computed the cutoff)
    if p_cutoff > now() - interval '180 days' + interval '1 minute' then
        raise exception 'audit rows are kept at least 180 days (cutoff %)', p_cutoff using errcode = '22023';
    end if;
    -- the sealer's lock (AuditSealer.SEAL_LOCK): no batch is appended while the prefix goes
    perform pg_advisory_xact_lock(107156823700563);
    select coalesce(max(c.purged_through_position), 0) into v_from from audit_checkpoint c;
    select coalesce(
        (select min(s.position) - 1 from audit_seal s join audit_event e on e.id = s.event_id
          where e.occurred_at >= p_cutoff),
        (select max(s.position) from audit_seal s)) into v_through;
    if v_through is null or v_through <= v_from then
        return;
    end if;
    select s.event_id, s.hash into v_event, v_hash from audit_seal s where s.position = v_through;
    if v_event is null then
        return;
    end if;
    insert into audit_event (tenant_id, actor, actor_role, action, target_type, target_id, request_id, occurred_at, digest)
    values (null, 'system', 'system', 'audit.purge', 'audit_event', v_event::text, null, now(), v_hash);
    delete from audit_event e using audit_seal s where s.event_id = e.id and s.position <= v_through;
    get diagnostics v_deleted = row_count;
    delete from audit_seal s where s.position <= v_through;
    insert into audit_checkpoint (purged_through_id, last_hash, purged_rows, cutoff, created_at, purged_through_position)
    values (v_event, v_hash, v_deleted, p_cutoff, now(), v_through);
    return query select v_through, v_event, v_deleted, v_hash;
end;
$$;
revoke all on function audit_purge(timestamptz) from public;
