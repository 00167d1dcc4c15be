-- Changes to diagrams, tables and forms proposed by one risk manager (Modeler's deploy button) and
-- activated by a second one before they reach the engine (four-eyes).
CREATE TABLE change_proposal (
    id              VARCHAR(40)    NOT NULL PRIMARY KEY,
    name            VARCHAR(200),
    source          VARCHAR(200),
    proposed_by     VARCHAR(64)    NOT NULL,
    proposed_at     TIMESTAMP      NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    decided_by      VARCHAR(64),
    decided_at      TIMESTAMP,
    decision_note   VARCHAR(2000),
    deployment_id   VARCHAR(64),
    CONSTRAINT chk_change_proposal_status CHECK (status IN ('PROPOSED', 'ACTIVATED', 'REJECTED')),
    CONSTRAINT chk_change_proposal_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE TABLE change_proposal_resource (
    proposal_id     VARCHAR(40)    NOT NULL REFERENCES change_proposal (id),
    resource_name   VARCHAR(300)   NOT NULL,
    sha256          VARCHAR(64)    NOT NULL,
    content_base64  TEXT           NOT NULL,
    PRIMARY KEY (proposal_id, resource_name)
);
