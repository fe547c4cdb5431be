-- The secret salt of the pseudonymous applicant keys (HMAC-SHA256 of the application id), one per tenant
-- and school year: every run of the year gives an application the same key, so the same applications and
-- the same seed give the same input, while a key reveals nothing without the salt, which never leaves
-- the database.
create table allocation_salt (
    tenant_id   varchar(40) not null,
    school_year integer     not null,
    salt        bytea       not null,
    primary key (tenant_id, school_year)
);
