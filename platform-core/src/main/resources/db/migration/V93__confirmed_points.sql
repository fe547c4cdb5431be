-- The confirmed points of an application (积分确认): the tenant's points breakdown computed once when its
-- review completes (审核完成), stamped with the rule-set version it used, and recomputed only when a later
-- review decision changes it. The parent's points page and the allocation both read this one breakdown.
alter table application add column confirmed_points jsonb;
alter table application add column confirmed_rule_set varchar(80);
alter table application add column points_confirmed_at timestamptz;
