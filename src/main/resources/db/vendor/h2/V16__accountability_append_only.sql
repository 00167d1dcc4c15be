-- Accountability reviews, dossiers, findings and determinations are kept as written: H2 refuses UPDATE and DELETE.
CREATE TRIGGER accountability_review_append_only BEFORE UPDATE, DELETE ON accountability_review FOR EACH ROW
    CALL "cn.smartfactory.lending.record.AppendOnlyTrigger";
CREATE TRIGGER accountability_dossier_append_only BEFORE UPDATE, DELETE ON accountability_dossier FOR EACH ROW
    CALL "cn.smartfactory.lending.record.AppendOnlyTrigger";
CREATE TRIGGER accountability_finding_append_only BEFORE UPDATE, DELETE ON accountability_finding FOR EACH ROW
    CALL "cn.smartfactory.lending.record.AppendOnlyTrigger";
CREATE TRIGGER accountability_determination_append_only BEFORE UPDATE, DELETE ON accountability_determination FOR EACH ROW
    CALL "cn.smartfactory.lending.record.AppendOnlyTrigger";
