-- Delivery of queued SMS: a sweep hands each row to the SMS provider (carrier connector), retries failures
-- with growing delays, and marks a message FAILED only after the last attempt (it stays in the table).
alter table sms_outbox add column status          varchar(12)  not null default 'QUEUED';
alter table sms_outbox add column attempts        integer      not null default 0;
alter table sms_outbox add column next_attempt_at timestamptz;
alter table sms_outbox add column delivered_at    timestamptz;
alter table sms_outbox add column last_error      varchar(300);
-- rows queued before this migration were read from the table only: nothing to deliver for them
update sms_outbox set status = 'DELIVERED', delivered_at = created_at;
create index sms_outbox_due_idx on sms_outbox (next_attempt_at, id) where status = 'QUEUED';
