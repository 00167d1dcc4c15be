-- The factory's facts, written by the engine's listeners in the same transaction as the step they describe,
-- so that the managers' figures (docs/kpis.md) are sums over one row per task and one row per application
-- instead of joins over the engine's history. Durations are stored in seconds when a task or an
-- application ends, so every figure is a plain SUM, AVG or percentile on both databases.

-- One row per human task of every process: created, first assigned (claimed or assigned), ended.
CREATE TABLE task_fact (
    task_id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    process_key          VARCHAR(100)   NOT NULL,
    process_instance_id  VARCHAR(64)    NOT NULL,
    business_key         VARCHAR(100),
    station              VARCHAR(100)   NOT NULL,
    station_name         VARCHAR(200),
    product              VARCHAR(20),
    created_at           TIMESTAMP      NOT NULL,
    due_at               TIMESTAMP,
    assigned_at          TIMESTAMP,
    ended_at             TIMESTAMP,
    end_kind             VARCHAR(10),
    officer              VARCHAR(64),
    wait_seconds         BIGINT,
    work_seconds         BIGINT,
    on_time              BOOLEAN,
    CONSTRAINT chk_task_fact_end CHECK (end_kind IS NULL OR end_kind IN ('COMPLETED', 'DELETED'))
);
CREATE INDEX idx_task_fact_ended ON task_fact (ended_at);
CREATE INDEX idx_task_fact_created ON task_fact (created_at);
CREATE INDEX idx_task_fact_open_due ON task_fact (end_kind, due_at);

-- One row per loan application (per process instance: the key the engine guarantees unique): taken,
-- ended and how.
CREATE TABLE application_fact (
    process_instance_id  VARCHAR(64)    NOT NULL PRIMARY KEY,
    application_id       VARCHAR(64)    NOT NULL,
    product              VARCHAR(20),
    industry             VARCHAR(40),
    account_manager      VARCHAR(64),
    customer_key         VARCHAR(40),
    lead_source          VARCHAR(30),
    campaign_id          VARCHAR(64),
    requested_amount     DECIMAL(15, 2),
    applied_at           TIMESTAMP      NOT NULL,
    ended_at             TIMESTAMP,
    outcome              VARCHAR(20),
    decline_stage        VARCHAR(30),
    decline_reason_code  VARCHAR(60),
    approval_route       VARCHAR(30),
    reached_approval     BOOLEAN        NOT NULL DEFAULT FALSE,
    approved             BOOLEAN        NOT NULL DEFAULT FALSE,
    rework_count         INTEGER        NOT NULL DEFAULT 0,
    committee            BOOLEAN        NOT NULL DEFAULT FALSE,
    approved_amount      DECIMAL(15, 2),
    disbursed_amount     DECIMAL(15, 2),
    turnaround_seconds   BIGINT,
    CONSTRAINT chk_application_fact_outcome CHECK (outcome IS NULL
        OR outcome IN ('DISBURSED', 'DECLINED', 'WITHDRAWN', 'CANCELLED'))
);
CREATE INDEX idx_application_fact_application ON application_fact (application_id);
CREATE INDEX idx_application_fact_applied ON application_fact (applied_at);
CREATE INDEX idx_application_fact_ended ON application_fact (ended_at);
CREATE INDEX idx_application_fact_customer ON application_fact (customer_key);

-- Targets per officer and month (the first day of the month), imported from the bank's Excel plan; the
-- bank's target for a period is the sum over officers and the months that start in it.
CREATE TABLE officer_target (
    target_month         DATE           NOT NULL,
    officer              VARCHAR(64)    NOT NULL,
    new_customers        INTEGER        NOT NULL,
    new_balance          DECIMAL(15, 2) NOT NULL,
    imported_by          VARCHAR(64)    NOT NULL,
    imported_at          TIMESTAMP      NOT NULL,
    PRIMARY KEY (target_month, officer),
    CONSTRAINT chk_officer_target CHECK (new_customers >= 0 AND new_balance >= 0)
);
