-- The loan register: one row per disbursed loan, written by the hand-over from loan origination.
-- Officers are kept so overdue and NPL rates can later be attributed to each role.
CREATE TABLE loan (
    loan_number          VARCHAR(64)    NOT NULL PRIMARY KEY,
    application_id       VARCHAR(64)    NOT NULL UNIQUE,
    process_instance_id  VARCHAR(64)    NOT NULL,
    customer_name        VARCHAR(200)   NOT NULL,
    industry             VARCHAR(40)    NOT NULL,
    product              VARCHAR(20)    NOT NULL,
    guarantee_type       VARCHAR(30)    NOT NULL,
    grade                VARCHAR(1)     NOT NULL,
    score                INTEGER        NOT NULL,
    approved_amount      DECIMAL(15, 2) NOT NULL,
    disbursed_amount     DECIMAL(15, 2) NOT NULL,
    term_months          INTEGER        NOT NULL,
    disbursed_on         DATE           NOT NULL,
    maturity_date        DATE           NOT NULL,
    outstanding_balance  DECIMAL(15, 2) NOT NULL,
    days_overdue         INTEGER        NOT NULL DEFAULT 0,
    classification       VARCHAR(20)    NOT NULL DEFAULT 'NORMAL',
    tier                 VARCHAR(2)     NOT NULL,
    account_manager      VARCHAR(64)    NOT NULL,
    investigators        VARCHAR(400)   NOT NULL,
    approvers            VARCHAR(400)   NOT NULL,
    status               VARCHAR(20)    NOT NULL DEFAULT 'ACTIVE',
    created_at           TIMESTAMP      NOT NULL,
    CONSTRAINT chk_loan_amounts CHECK (disbursed_amount > 0 AND disbursed_amount <= approved_amount
                                       AND outstanding_balance >= 0),
    CONSTRAINT chk_loan_days_overdue CHECK (days_overdue >= 0)
);
CREATE INDEX idx_loan_tier ON loan (tier);
CREATE INDEX idx_loan_account_manager ON loan (account_manager);
CREATE INDEX idx_loan_classification ON loan (classification);
