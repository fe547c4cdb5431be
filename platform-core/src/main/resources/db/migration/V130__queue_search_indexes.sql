-- The reviewer queue's search (GET /api/review/tasks?q=…) by an answer a tenant declares searchable (the
-- guardians' ID numbers, phones, names: answers @> '{"family": {"guardian1": {"idNumber": "…"}}}'), and by the
-- child's full ID number or name, without reading every application (issue 17: < 20 ms at 100 000).
create index if not exists application_answers_gin on application using gin (answers jsonb_path_ops);
create index if not exists child_id_number_idx on child (tenant_id, upper(id_number));
create index if not exists child_name_idx on child (tenant_id, name);
