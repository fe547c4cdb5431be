-- Second round (二次志愿): a run started after a partial publication (e.g. up to PUBLIC) continues it. It reuses
-- the published run's seed and is stored only when its recomputed earlier phases equal the published ones,
-- applicant by applicant; this row records which run it continues, the phases checked and how many applicants.
create table allocation_continuation (
    run_id          uuid primary key references allocation_run (id) on delete cascade,
    continues_run   uuid         not null references allocation_run (id),
    phases          jsonb        not null,
    checked         integer      not null,
    created_at      timestamptz  not null
);
