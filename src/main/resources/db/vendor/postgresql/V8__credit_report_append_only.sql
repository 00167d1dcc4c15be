-- Credit reports are stored once: PostgreSQL refuses UPDATE, DELETE and TRUNCATE (the function of V5).
CREATE TRIGGER credit_report_append_only BEFORE UPDATE OR DELETE ON credit_report
    FOR EACH ROW EXECUTE FUNCTION decision_record_append_only();
CREATE TRIGGER credit_report_no_truncate BEFORE TRUNCATE ON credit_report
    FOR EACH STATEMENT EXECUTE FUNCTION decision_record_append_only();
