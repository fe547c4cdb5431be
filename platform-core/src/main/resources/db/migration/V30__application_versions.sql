-- Every submission of an application is kept as a version (never overwritten in place); the
-- Idempotency-Key of the request that created it makes a retried submission answer the same result.
create table application_version (
    application_id  uuid         not null references application (id) on delete cascade,
    version_no      integer      not null,
    answers         jsonb        not null,
    submitted_at    timestamptz  not null,
    submitted_by    varchar(100) not null,
    idempotency_key varchar(100) not null,
    primary key (application_id, version_no),
    unique (application_id, idempotency_key)
);

alter table application add column submissions integer not null default 0;
alter table application add column stage varchar(20);
