-- Each disbursed loan's repayment schedule (还款计划), computed at hand-over from the disbursed amount, the day it was
-- paid out, the priced rate, the term and the repayment structure (docs/risk-model.md, repayment structures).
CREATE TABLE loan_repayment_schedule (
    loan_number        VARCHAR(64)    NOT NULL,
    instalment_number  INTEGER        NOT NULL,
    due_on             DATE           NOT NULL,
    payment            NUMERIC(18, 2) NOT NULL,
    interest           NUMERIC(18, 2) NOT NULL,
    principal          NUMERIC(18, 2) NOT NULL,
    balance            NUMERIC(18, 2) NOT NULL,
    repayment_structure VARCHAR(32)   NOT NULL,
    PRIMARY KEY (loan_number, instalment_number),
    FOREIGN KEY (loan_number) REFERENCES loan (loan_number)
);
