-- Tasklist's task queries check authorizations with PERMS_ & 2 = 2 (READ on a task) and
-- PERMS_ & 64 = 64 (READ_TASK on a process definition). PostgreSQL cannot estimate a bitwise
-- condition and assumes it matches 0.5% of the rows; but the engine writes one authorization per
-- candidate group and open task, so nearly all rows match. At 100,000 open tasks the wrong guess
-- made the planner loop over every pair of task and authorization: counting a role's inbox took
-- 13.7 s. Statistics on the two expressions give the planner the real share, and it then looks each
-- task's authorization up by index (docs/performance.md, "Tasklist inboxes at scale").
-- Statistics on a single expression need PostgreSQL 14 or later.
CREATE STATISTICS IF NOT EXISTS act_stat_auth_perms_read ON ((perms_ & 2)) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS act_stat_auth_perms_read_task ON ((perms_ & 64)) FROM act_ru_authorization;
ANALYZE act_ru_authorization;
