-- An application row (answers + confirmed points, ≈ 2.5 kB of jsonb) passed PostgreSQL's default
-- toast_tuple_target (2 kB), so both jsonb columns were pglz-compressed in place and every read of them
-- (reviewer pages, the allocation's 100 000-row read) paid for decompression: measured on 100 000 rows,
-- the allocation's select took 2.15 s compressed and 1.40 s uncompressed. Rows up to the page size now
-- stay uncompressed in the table; larger ones are still compressed and moved out of line as before.
-- Takes effect for rows written from now on (every save and review decision rewrites the row).
alter table application set (toast_tuple_target = 8160);
