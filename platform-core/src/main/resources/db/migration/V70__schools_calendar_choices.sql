-- Schools and zones as tenant-admin data (core/schools): optimistic locking on schools, the tenant's
-- enrolment calendar (招生日程) and the parent's decision on the recommended public school.

alter table school add column version bigint not null default 0;
alter table school add column updated_at timestamptz;

create table calendar_phase (
    tenant_id varchar(40)  not null,
    code      varchar(40)  not null,
    name_zh   varchar(100) not null,
    name_en   varchar(100) not null,
    opens_on  date         not null,
    closes_on date         not null,
    position  integer      not null,
    primary key (tenant_id, code),
    check (closes_on >= opens_on)
);

-- One row per application: the schools recommended from the property address and what the parent did
-- (accepted one of them, or cancelled and chose another public school of the district).
create table school_recommendation (
    application_id uuid primary key references application (id) on delete cascade,
    tenant_id      varchar(40) not null,
    address        varchar(400),
    recommended    jsonb       not null default '[]'::jsonb,
    chosen         varchar(60) not null,
    cancelled      boolean     not null,
    decided_at     timestamptz not null
);
