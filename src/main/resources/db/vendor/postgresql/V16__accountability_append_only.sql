-- Accountability reviews, dossiers, findings and determinations are kept as written: PostgreSQL refuses UPDATE,
-- DELETE and TRUNCATE (the function of V5).
CREATE TRIGGER accountability_review_append_only BEFORE UPDATE OR DELETE ON accountability_review
    FOR EACH ROW EXECUTE FUNCTION decision_record_append_only();
CREATE TRIGGER accountability_review_no_truncate BEFORE TRUNCATE ON accountability_review
    FOR EACH STATEMENT EXECUTE FUNCTION decision_record_append_only();
CREATE TRIGGER accountability_dossier_append_only BEFORE UPDATE OR DELETE ON accountability_dossier
    FOR EACH ROW EXECUTE FUNCTION decision_record_append_only();
CREATE TRIGGER accountability_dossier_no_truncate BEFORE TRUNCATE ON accountability_dossier
    FOR EACH STATEMENT EXECUTE FUNCTION decision_record_append_only();
CREATE TRIGGER accountability_finding_append_only BEFORE UPDATE OR DELETE ON accountability_finding
    FOR EACH ROW EXECUTE FUNCTION decision_record_append_only();
CREATE TRIGGER accountability_finding_no_truncate BEFORE TRUNCATE ON accountability_finding
    FOR EACH STATEMENT EXECUTE FUNCTION decision_record_append_only();
CREATE TRIGGER accountability_determination_append_only BEFORE UPDATE OR DELETE ON accountability_determination
    FOR EACH ROW EXECUTE FUNCTION decision_record_append_only();
CREATE TRIGGER accountability_determination_no_truncate BEFORE TRUNCATE ON accountability_determination
    FOR EACH STATEMENT EXECUTE FUNCTION decision_record_append_only();
