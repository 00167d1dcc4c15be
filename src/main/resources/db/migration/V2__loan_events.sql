-- Loan events (warnings and repayment in full) from core banking, officers and the overdue list.
-- The event id is the key: the same event reported twice is handled once.
CREATE TABLE loan_event (
    event_id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    loan_number           VARCHAR(64)    NOT NULL REFERENCES loan (loan_number),
    event_type            VARCHAR(30)    NOT NULL,
    occurred_on           DATE           NOT NULL,
    days_overdue          INTEGER,
    outstanding_balance   DECIMAL(15, 2),
    sales_change_percent  DECIMAL(7, 2),
    description           VARCHAR(2000),
    source                VARCHAR(64)    NOT NULL,
    tier_before           VARCHAR(2)     NOT NULL,
    tier_after            VARCHAR(2)     NOT NULL,
    received_at           TIMESTAMP      NOT NULL
);
CREATE INDEX idx_loan_event_loan ON loan_event (loan_number);
ALTER TABLE loan ADD COLUMN closed_on DATE;
