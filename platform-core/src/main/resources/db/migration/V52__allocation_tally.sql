-- Per school and stage of a run: seats, admitted per phase, seats left and the last admitted position
-- (录取线); per district and stage: the district line (区镇准入线). Canonical texts are kept as written so
-- the run's result text can be re-assembled byte for byte.
create table allocation_school (
    run_id          uuid         not null references allocation_run (id) on delete cascade,
    school_code     varchar(60)  not null,
    stage           varchar(20)  not null,
    seats           integer      not null,
    admitted        integer      not null,
    seats_left      integer      not null,
    last_admitted   jsonb,
    canonical       text         not null,
    primary key (run_id, school_code, stage)
);

create table allocation_district_line (
    run_id          uuid         not null references allocation_run (id) on delete cascade,
    district_code   varchar(40)  not null,
    stage           varchar(20)  not null,
    seats           integer      not null,
    candidates      integer      not null,
    canonical       text         not null,
    primary key (run_id, district_code, stage)
);

-- The schools exactly as the run read them (canonical input texts), for the re-run bundle.
create table allocation_input_school (
    run_id          uuid         not null references allocation_run (id) on delete cascade,
    school_code     varchar(60)  not null,
    canonical       text         not null,
    primary key (run_id, school_code)
);
