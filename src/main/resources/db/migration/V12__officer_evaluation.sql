-- Monthly officer evaluation (客户经理分级, docs/officer-evaluation.md): one snapshot per account manager,
-- month and version. A month is computed once by the monthly job and may be computed again by a manager;
-- every version is kept, so a month can be re-read as it was.
CREATE TABLE officer_evaluation (
    evaluation_month          DATE           NOT NULL,
    officer                   VARCHAR(64)    NOT NULL,
    version                   INTEGER        NOT NULL,
    new_customers             INTEGER        NOT NULL,
    new_customers_target      INTEGER,
    new_balance               DECIMAL(15, 2) NOT NULL,
    new_balance_target        DECIMAL(15, 2),
    new_balance_attainment    DECIMAL(9, 4),
    outstanding               DECIMAL(15, 2) NOT NULL,
    overdue_rate              DECIMAL(9, 4),
    npl_rate                  DECIMAL(9, 4),
    overdue_customer_share    DECIMAL(9, 4),
    mean_days_to_disbursement DECIMAL(9, 2),
    committee_cases           INTEGER        NOT NULL,
    rework_rate               DECIMAL(9, 4),
    marketing_points          INTEGER        NOT NULL,
    level                     VARCHAR(20)    NOT NULL,
    level_name                VARCHAR(100)   NOT NULL,
    computed_at               TIMESTAMP      NOT NULL,
    computed_by               VARCHAR(64)    NOT NULL,
    PRIMARY KEY (evaluation_month, officer, version)
);
