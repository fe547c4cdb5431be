-- Results of the automatic checks (自动核验) of one submission: one row per checked item of the AUTOMATIC
-- review task, replaced when the task is checked again. outcome: PASSED (通过), ANOMALY (异常),
-- PENDING_REVIEW (待审核). A registry outage writes nothing: the task stays OPEN and is checked again.
create table verification_result (
    task_id         uuid          not null references review_task (id) on delete cascade,
    application_id  uuid          not null references application (id) on delete cascade,
    submission      integer       not null,
    item            varchar(60)   not null,
    outcome         varchar(20)   not null,
    detail_zh       varchar(2000),
    detail_en       varchar(2000),
    fields          jsonb         not null default '[]'::jsonb,
    position        integer       not null,
    checked_at      timestamptz   not null,
    primary key (task_id, item)
);
create index verification_result_application_idx on verification_result (application_id, submission);

-- Failed attempts (registry unavailable) are counted on the task so operators see what is being retried.
create table verification_attempt (
    task_id         uuid          primary key references review_task (id) on delete cascade,
    attempts        integer       not null,
    last_error      varchar(500),
    last_attempt_at timestamptz   not null
);
