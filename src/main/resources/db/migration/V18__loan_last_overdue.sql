-- The last day a loan was reported overdue (days overdue above 0, by an event or the overdue list), so a
-- classification upgrade can require a run of normal repayments (docs/post-loan-monitoring.md).
ALTER TABLE loan ADD COLUMN last_overdue_on DATE;
