-- Station SLAs (docs/sla.md). The business calendar holds the exceptions to "Monday to Friday are working
-- days": public holidays that fall on weekdays and the weekend days worked instead (调休上班). Managers keep
-- it current through /api/business-calendar; 2026 is seeded from the State Council's notice of
-- 2025-11-04 (国务院办公厅关于2026年部分节假日安排的通知).
CREATE TABLE business_calendar (
    calendar_day         DATE           NOT NULL PRIMARY KEY,
    kind                 VARCHAR(10)    NOT NULL,
    name                 VARCHAR(100)   NOT NULL,
    changed_by           VARCHAR(64)    NOT NULL,
    changed_at           TIMESTAMP      NOT NULL,
    CONSTRAINT chk_business_calendar_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);
INSERT INTO business_calendar (calendar_day, kind, name, changed_by, changed_at) VALUES
    (DATE '2026-01-01', 'HOLIDAY', '元旦 New Year''s Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-01-02', 'HOLIDAY', '元旦 New Year''s Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-01-04', 'WORKDAY', '元旦调休 New Year make-up day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-02-14', 'WORKDAY', '春节调休 Spring Festival make-up day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-02-16', 'HOLIDAY', '春节 Spring Festival', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-02-17', 'HOLIDAY', '春节 Spring Festival', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-02-18', 'HOLIDAY', '春节 Spring Festival', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-02-19', 'HOLIDAY', '春节 Spring Festival', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-02-20', 'HOLIDAY', '春节 Spring Festival', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-02-23', 'HOLIDAY', '春节 Spring Festival', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-02-28', 'WORKDAY', '春节调休 Spring Festival make-up day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-04-06', 'HOLIDAY', '清明节 Qingming Festival', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-05-01', 'HOLIDAY', '劳动节 Labour Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-05-04', 'HOLIDAY', '劳动节 Labour Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-05-05', 'HOLIDAY', '劳动节 Labour Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-05-09', 'WORKDAY', '劳动节调休 Labour Day make-up day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-06-19', 'HOLIDAY', '端午节 Dragon Boat Festival', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-09-20', 'WORKDAY', '国庆节调休 National Day make-up day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-09-25', 'HOLIDAY', '中秋节 Mid-Autumn Festival', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-10-01', 'HOLIDAY', '国庆节 National Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-10-02', 'HOLIDAY', '国庆节 National Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-10-05', 'HOLIDAY', '国庆节 National Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-10-06', 'HOLIDAY', '国庆节 National Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-10-07', 'HOLIDAY', '国庆节 National Day', 'platform', TIMESTAMP '2025-11-05 00:00:00'),
    (DATE '2026-10-10', 'WORKDAY', '国庆节调休 National Day make-up day', 'platform', TIMESTAMP '2025-11-05 00:00:00');

-- A task past its due date escalates once: this row says when, to whom, and the follow-up started.
CREATE TABLE task_escalation (
    task_id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    station              VARCHAR(100)   NOT NULL,
    due_at               TIMESTAMP      NOT NULL,
    escalated_at         TIMESTAMP      NOT NULL,
    lead_group           VARCHAR(64),
    lead_users           VARCHAR(400),
    follow_up_instance   VARCHAR(64)
);
