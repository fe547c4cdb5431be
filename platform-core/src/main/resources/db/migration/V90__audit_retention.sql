-- Audit retention: rows older than the retention period are deleted as a prefix of the chain; a checkpoint
-- keeps the hash of the last deleted row, so the remaining chain still verifies from its first row. Every
-- purge is itself an audit row (action audit.purge, target = the last deleted id, digest = that row's hash).
create table audit_checkpoint (
    id                bigint generated always as identity primary key,
    purged_through_id bigint      not null,
    last_hash         varchar(64) not null,
    purged_rows       bigint      not null,
    cutoff            timestamptz not null,
    created_at        timestamptz not null
);
