-- Approver evaluation (审批人分级, docs/officer-evaluation.md): one snapshot per approver, month and
-- version, from the live loans the approver signed. Its level is what the approval-authority table reads
-- when the approver signs (分层授权): the latest month, latest version.
CREATE TABLE approver_evaluation (
    evaluation_month   DATE           NOT NULL,
    approver           VARCHAR(64)    NOT NULL,
    version            INTEGER        NOT NULL,
    loans              INTEGER        NOT NULL,
    outstanding        DECIMAL(15, 2) NOT NULL,
    overdue_rate       DECIMAL(9, 4),
    npl_rate           DECIMAL(9, 4),
    overdue_loan_share DECIMAL(9, 4),
    level              VARCHAR(20)    NOT NULL,
    level_name         VARCHAR(100)   NOT NULL,
    computed_at        TIMESTAMP      NOT NULL,
    computed_by        VARCHAR(64)    NOT NULL,
    PRIMARY KEY (evaluation_month, approver, version)
);

CREATE INDEX approver_evaluation_latest ON approver_evaluation (approver, evaluation_month, version);
