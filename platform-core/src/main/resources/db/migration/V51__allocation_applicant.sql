-- One row per applicant of a run: the pseudonymous key (the only id in bundles and lotteries), the
-- application it stands for (the mapping never leaves the database), the canonical input and result
-- texts exactly as the procedure's canonical JSON writes them (text, not jsonb: the bytes are what the
-- result digest covers), and the final outcome as columns for paging and counting.
create table allocation_applicant (
    run_id          uuid         not null references allocation_run (id) on delete cascade,
    applicant_key   varchar(64)  not null,
    application_id  uuid         not null,
    final_phase     varchar(40),
    outcome         varchar(30),
    school_code     varchar(60),
    rule            varchar(80),
    input_json      text         not null,
    result_json     text         not null,
    primary key (run_id, applicant_key)
);
create index allocation_applicant_school_idx on allocation_applicant (run_id, school_code, outcome);
create index allocation_applicant_application_idx on allocation_applicant (application_id);
