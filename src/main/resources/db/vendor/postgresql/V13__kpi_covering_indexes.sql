-- PostgreSQL only: the factory's figures read a quarter of task facts by end time (stations, officers) and
-- the periodic checks by due date. Covering indexes let PostgreSQL answer them from the index alone
-- (index-only scans, once autovacuum has set the visibility map), without visiting the table's pages.
-- Measured with the KPI scale benchmark (docs/performance.md). H2 has no INCLUDE and needs none at its sizes.
CREATE INDEX idx_task_fact_ended_cover ON task_fact (ended_at)
    INCLUDE (end_kind, process_key, station, product, officer, wait_seconds, work_seconds, due_at, on_time);
CREATE INDEX idx_task_fact_station_due ON task_fact (station, due_at)
    INCLUDE (process_key, end_kind, on_time, product, officer);
DROP INDEX idx_task_fact_ended;
CREATE INDEX idx_application_fact_ended_cover ON application_fact (ended_at)
    INCLUDE (outcome, product, account_manager, customer_key, turnaround_seconds, disbursed_amount, reached_approval,
             approved, rework_count, committee, decline_stage, decline_reason_code, applied_at);
