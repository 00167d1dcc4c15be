-- The property a secured loan is booked on at hand-over, and its latest revaluation at a monitoring check
-- (docs/post-loan-monitoring.md, collateral revaluation).
CREATE TABLE loan_collateral (
    loan_number      VARCHAR(64)    NOT NULL PRIMARY KEY,
    product          VARCHAR(40)    NOT NULL,
    property_type    VARCHAR(20)    NOT NULL,
    sole_residence   BOOLEAN        NOT NULL,
    appraised_value  NUMERIC(18, 2) NOT NULL,
    existing_liens   NUMERIC(18, 2) NOT NULL,
    appraisal_source VARCHAR(20)    NOT NULL,
    revalued_value   NUMERIC(18, 2),
    revalued_on      DATE,
    FOREIGN KEY (loan_number) REFERENCES loan (loan_number)
);
