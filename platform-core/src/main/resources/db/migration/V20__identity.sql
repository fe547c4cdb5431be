-- Identity: the SMS outbox of the default notification gateway, SMS verification codes (hashed) and
-- the send log their limits are counted from (shared by every node), the accounts parents register with
-- a mobile number, and the sequence their registration numbers (报名号) come from.

create table sms_outbox (
    id         bigint generated always as identity primary key,
    tenant_id  varchar(40),
    recipient  varchar(20)   not null,
    purpose    varchar(40)   not null,
    body       varchar(1000) not null,
    created_at timestamptz   not null
);
create index sms_outbox_recipient_idx on sms_outbox (recipient, id);

-- One row per code sent. Only the newest row of a (phone, purpose) counts; the code itself is never
-- stored, only HMAC-SHA256(pepper, phone:purpose:code).
create table sms_code (
    id         bigint generated always as identity primary key,
    phone      varchar(20) not null,
    purpose    varchar(40) not null,
    code_hash  varchar(64) not null,
    attempts   integer     not null default 0,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index sms_code_lookup_idx on sms_code (phone, purpose, created_at desc);

-- Every code sent, for the per-number limits (1 per 60 s, 10 per 24 h).
create table sms_send (
    phone   varchar(20) not null,
    sent_at timestamptz not null
);
create index sms_send_phone_idx on sms_send (phone, sent_at);

-- Parents who registered on the platform with a mobile number: one number, one account.
create table parent_account (
    user_id             varchar(100) primary key,
    tenant_id           varchar(40)  not null,
    phone               varchar(20)  not null unique,
    registration_number varchar(40)  not null unique,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create index parent_account_tenant_idx on parent_account (tenant_id);

-- Registration numbers: prefix + school year + six digits from this sequence. It starts above the
-- demo users' numbers (ES2024000001, ES2024000002).
create sequence registration_number_seq start with 100;
