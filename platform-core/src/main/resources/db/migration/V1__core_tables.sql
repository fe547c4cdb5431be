-- Core tables: families, children, applications (JSON answers + queryable columns), audit events,
-- and the tenants' reference data (districts, schools). Every row of tenant data carries tenant_id.

create table family (
    id                  uuid primary key,
    tenant_id           varchar(40)  not null,
    owner_subject       varchar(100) not null,
    registration_number varchar(40),
    created_at          timestamptz  not null,
    version             bigint       not null default 0,
    unique (tenant_id, owner_subject)
);

create table child (
    id          uuid primary key,
    tenant_id   varchar(40)  not null,
    family_id   uuid         not null references family (id) on delete cascade,
    name        varchar(100) not null,
    id_type     varchar(20)  not null,
    id_number   varchar(40)  not null,
    stage       varchar(20)  not null,
    created_at  timestamptz  not null,
    version     bigint       not null default 0,
    -- one child, one registration per tenant (seed 000 问 2)
    unique (tenant_id, id_number)
);
create index child_family_idx on child (family_id);

create table application (
    id            uuid primary key,
    tenant_id     varchar(40) not null,
    child_id      uuid        not null references child (id) on delete cascade,
    school_year   integer     not null,
    status        varchar(40) not null,
    answers       jsonb       not null default '{}'::jsonb,
    district_code varchar(40),
    submitted_at  timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0,
    unique (tenant_id, child_id, school_year)
);
create index application_queue_idx on application (tenant_id, district_code, status, submitted_at);

create table audit_event (
    id          bigint generated always as identity primary key,
    tenant_id   varchar(40),
    actor       varchar(100) not null,
    actor_role  varchar(40),
    action      varchar(60)  not null,
    target_type varchar(40)  not null,
    target_id   varchar(100) not null,
    request_id  varchar(60),
    occurred_at timestamptz  not null,
    digest      varchar(64)
);
create index audit_event_target_idx on audit_event (tenant_id, target_type, target_id);

create table district (
    tenant_id varchar(40)  not null,
    code      varchar(40)  not null,
    name_zh   varchar(100) not null,
    name_en   varchar(100) not null,
    primary key (tenant_id, code)
);

create table school (
    tenant_id     varchar(40)  not null,
    code          varchar(60)  not null,
    name_zh       varchar(200) not null,
    name_en       varchar(200) not null,
    district_code varchar(40)  not null,
    public_school boolean      not null,
    seats         jsonb        not null default '{}'::jsonb,
    zone          jsonb        not null default '[]'::jsonb,
    primary key (tenant_id, code),
    foreign key (tenant_id, district_code) references district (tenant_id, code)
);
