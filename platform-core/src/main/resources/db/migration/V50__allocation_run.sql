-- Allocation runs (录取批次运行): one row per run of a tenant's placement procedure. A run is stored as a
-- DRY_RUN for administrators to inspect, then PUBLISHED (what parents see); a later publication of the
-- same tenant/year/stage SUPERSEDES the earlier one. The seed's SHA-256 commitment is shown from the
-- start; the seed itself is only shown once the run is published.
create table allocation_run (
    id               uuid primary key,
    tenant_id        varchar(40)  not null,
    school_year      integer      not null,
    stage            varchar(20)  not null,
    until_phase      varchar(40),
    status           varchar(20)  not null,
    procedure_id     varchar(200) not null,
    rule_set         varchar(100) not null,
    seed             varchar(200) not null,
    seed_commitment  varchar(64)  not null,
    seed_source      varchar(20)  not null,
    phases           jsonb        not null default '[]'::jsonb,
    input_digest     varchar(64)  not null,
    result_digest    varchar(64)  not null,
    applicants       integer      not null,
    placed           integer      not null,
    compute_millis   bigint       not null,
    created_by       varchar(100) not null,
    created_at       timestamptz  not null,
    published_by     varchar(100),
    published_at     timestamptz,
    version          bigint       not null default 0
);
create index allocation_run_tenant_idx on allocation_run (tenant_id, created_at desc);
