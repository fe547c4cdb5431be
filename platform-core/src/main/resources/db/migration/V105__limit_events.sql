-- The send log of SMS codes becomes the log every abuse limit counts from (shared by every node, so two
-- nodes agree): one row per event of a subject in a scope (LimitScope.key()) — 'sms-per-number' (a code sent
-- to a number; the former sms_send rows), 'sms-per-address' (a code requested from a client address),
-- 'sign-up-per-address' and 'recovery-per-address' (an attempt from a client address). Rows older than the longest window of their
-- scope are deleted when the subject is counted again.
alter table sms_send rename to limit_event;
alter table limit_event rename column phone to subject;
alter table limit_event rename column sent_at to occurred_at;
alter table limit_event alter column subject type varchar(64);
alter table limit_event add column scope varchar(40) not null default 'sms-per-number';
alter table limit_event alter column scope drop default;
drop index sms_send_phone_idx;
create index limit_event_subject_idx on limit_event (scope, subject, occurred_at);
