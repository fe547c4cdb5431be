-- What a registry filled in while a parent was entering a child's application (one row per child and
-- looked-up ID number; twins have one row each), and, per submitted version, every prefilled value the
-- parent changed (original vs corrected) — shown to the reviewers.
create table application_prefill (
    child_id   uuid        not null references child (id) on delete cascade,
    id_number  varchar(40) not null,
    fields     jsonb       not null,
    filled_at  timestamptz not null,
    primary key (child_id, id_number)
);

alter table application_version add column corrections jsonb not null default '[]';
