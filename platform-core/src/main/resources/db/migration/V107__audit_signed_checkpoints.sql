-- Signed checkpoints of the audit chain (issue 22): the chain head (position, hash, rows, time, retention
-- prefix) signed with the platform's Ed25519 key. The files in the data folder are the copy outside the
-- database; these rows let every node serve the same list (GET /api/audit/checkpoints). The application's
-- role may only INSERT and SELECT them.
create table audit_signing_key (
    key_id     varchar(40)  primary key,
    algorithm  varchar(20)  not null,
    public_key varchar(200) not null,
    created_at timestamptz  not null
);

create table audit_signed_checkpoint (
    id                bigint generated always as identity primary key,
    key_id            varchar(40)  not null,
    position          bigint       not null,
    hash              varchar(64)  not null,
    rows              bigint       not null,
    purged_through    bigint       not null,
    purged_hash       varchar(64)  not null,
    signed_at         timestamptz  not null,
    reason            varchar(40)  not null,
    signature         varchar(200) not null,
    unique (key_id, position, signed_at)
);
