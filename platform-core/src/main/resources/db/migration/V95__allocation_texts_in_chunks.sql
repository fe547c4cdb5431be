-- The canonical input and result texts of a run's applicants move out of the per-applicant rows into
-- chunks of consecutive applicants (in key order): each chunk's texts one per line, deflated by the engine
-- ('deflate') — about a tenth of the bytes PostgreSQL has to take in and keep (a 100 000-applicant run
-- wrote ≈ 133 MB of texts). An applicant's texts are found by its ordinal (position in key order).
-- Rows of earlier runs are moved as they are ('plain': UTF-8, not deflated).
alter table allocation_applicant add column ordinal integer;
update allocation_applicant a set ordinal = o.n
  from (select run_id, applicant_key,
               (row_number() over (partition by run_id order by applicant_key collate "C") - 1)::integer n
          from allocation_applicant) o
 where o.run_id = a.run_id and o.applicant_key = a.applicant_key;
alter table allocation_applicant alter column ordinal set not null;

create table allocation_text (
    run_id         uuid        not null references allocation_run (id) on delete cascade,
    first_ordinal  integer     not null,
    applicants     integer     not null,
    format         varchar(10) not null check (format in ('plain', 'deflate')),
    inputs         bytea       not null,
    results        bytea       not null,
    primary key (run_id, first_ordinal)
);
-- deflated already: not worth PostgreSQL's own compression attempt
alter table allocation_text alter column inputs set storage external;
alter table allocation_text alter column results set storage external;

insert into allocation_text (run_id, first_ordinal, applicants, format, inputs, results)
select run_id, min(ordinal), count(*), 'plain',
       convert_to(string_agg(input_json, E'\n' order by ordinal), 'UTF8'),
       convert_to(string_agg(result_json, E'\n' order by ordinal), 'UTF8')
  from allocation_applicant
 group by run_id, ordinal / 2000;

alter table allocation_applicant drop column input_json, drop column result_json;
