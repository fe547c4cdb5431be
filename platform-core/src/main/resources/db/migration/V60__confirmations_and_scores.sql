-- What a registry answered, as the tenant shows it and feeds it to points (e.g. Kunshan's 社保对接结果
-- months per insurance type, 房产对接结果 registration date and address).
alter table verification_result add column data jsonb not null default '{}'::jsonb;

-- Department confirmations: the values a reviewer confirmed or corrected for the stage's items, stored
-- with the decision. A value overriding an automatic registry result is first only proposed: it needs a
-- second reviewer of the same scope (4-eyes) before the task is approved.
alter table review_task add column confirmed_values jsonb;
alter table review_task add column overrides jsonb;
alter table review_task add column proposed_by varchar(100);
alter table review_task add column proposed_at timestamptz;
alter table review_task add column proposed_values jsonb;
alter table review_task add column proposed_overrides jsonb;

-- Rule parameters of a tenant's year (积分规则), edited by the tenant administrator; absent = the
-- tenant's shipped defaults. Every change gets a new version id.
create table rule_parameters (
    tenant_id    varchar(40)  not null,
    year         integer      not null,
    version      varchar(80)  not null,
    parameters   jsonb        not null,
    revision     integer      not null,
    updated_by   varchar(100) not null,
    updated_at   timestamptz  not null,
    primary key (tenant_id, year)
);

-- The latest points of an application's submission, stamped with the rule-set version used.
create table application_score (
    application_id uuid         not null references application (id) on delete cascade,
    submission     integer      not null,
    rule_set       varchar(80)  not null,
    total          numeric(10, 2),
    breakdown      jsonb        not null,
    computed_at    timestamptz  not null,
    primary key (application_id, submission)
);
