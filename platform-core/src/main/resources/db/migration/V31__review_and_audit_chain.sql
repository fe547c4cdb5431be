-- Review tasks: one per (submission of an application, review stage the tenant declared). Queues are
-- queries over the open tasks of the scopes a reviewer holds (districts, departments, private schools).
create table review_task (
    id                  uuid primary key,
    tenant_id           varchar(40)  not null,
    application_id      uuid         not null references application (id) on delete cascade,
    submission          integer      not null,
    stage_id            varchar(60)  not null,
    scope_kind          varchar(20)  not null,
    scope_value         varchar(60),
    status              varchar(20)  not null,
    after_stages        jsonb        not null default '[]'::jsonb,
    district_code       varchar(40),
    registration_number varchar(40),
    child_id_masked     varchar(40),
    submitted_at        timestamptz  not null,
    claimed_by          varchar(100),
    claim_expires_at    timestamptz,
    decided_by          varchar(100),
    decided_at          timestamptz,
    decision            varchar(20),
    reason_code         varchar(60),
    reason_text         varchar(1000),
    return_fields       jsonb,
    created_at          timestamptz  not null,
    version             bigint       not null default 0,
    unique (application_id, submission, stage_id)
);
create index review_task_queue_idx on review_task (tenant_id, scope_kind, scope_value, status, submitted_at, id);
create index review_task_application_idx on review_task (application_id, submission);

alter table application add column registration_number varchar(40);
alter table application add column child_id_masked varchar(40);

-- The audit trail becomes a hash chain: each row's hash covers its content and the previous row's hash,
-- so a changed or deleted row breaks the chain and the verifier names where.
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column hash varchar(64);
