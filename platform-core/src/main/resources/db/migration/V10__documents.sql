-- Documents (证明材料): encrypted content stored once per tenant and SHA-256, and the links that put
-- it into a slot of a family's child (later: of an application). Content rows go with their last link.

create table document_content (
    tenant_id      varchar(40)  not null,
    sha256         char(64)     not null,          -- of the stored (for images: re-encoded) plaintext
    media_type     varchar(100) not null,          -- detected from the content, never from the client
    size_bytes     bigint       not null,
    pages          integer      not null,
    width          integer,
    height         integer,
    key_id         varchar(40)  not null,          -- platform.documents.key.<id> it is encrypted under
    ciphertext     bytea        not null,          -- chunked AES-256-GCM, see ContentCipher
    thumbnail      bytea,                          -- encrypted JPEG thumbnail (images)
    text_cipher    bytea,                          -- encrypted extracted text (PDF), for re-running checks
    created_at     timestamptz  not null,
    primary key (tenant_id, sha256)
);

create table document (
    id                       uuid primary key,
    tenant_id                varchar(40)  not null,
    family_id                uuid         not null references family (id) on delete cascade,
    child_id                 uuid         not null references child (id) on delete cascade,
    application_id           uuid,                 -- set when the applications component links it
    slot_id                  varchar(60)  not null,
    content_sha256           char(64)     not null,
    media_type               varchar(100) not null,
    size_bytes               bigint       not null,
    pages                    integer      not null,
    file_name                varchar(255),          -- as the client named it, for display only
    uploaded_by              varchar(100) not null,
    uploaded_at              timestamptz  not null,
    checks                   jsonb        not null default '[]'::jsonb,
    flagged                  boolean      not null default false,
    shared_with_other_family boolean      not null default false,
    version                  bigint       not null default 0,
    foreign key (tenant_id, content_sha256) references document_content (tenant_id, sha256)
);
create index document_slot_idx on document (tenant_id, child_id, slot_id);
create index document_content_idx on document (tenant_id, content_sha256);
create index document_review_idx on document (tenant_id, flagged) where flagged or shared_with_other_family;

-- The last link gone, the content goes: whatever deleted the link (the API, or a cascade from child or
-- family). Concurrent upload of the same content is safe: the foreign key refuses whichever loses.
create function document_purge_content() returns trigger language plpgsql as $$
begin
    delete from document_content c
     where c.tenant_id = old.tenant_id and c.sha256 = old.content_sha256
       and not exists (select 1 from document d
                        where d.tenant_id = old.tenant_id and d.content_sha256 = old.content_sha256);
    return null;
end
$$;

create trigger document_purge_content after delete on document
    for each row execute function document_purge_content();
