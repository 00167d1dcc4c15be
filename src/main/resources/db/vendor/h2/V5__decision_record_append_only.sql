-- The decision record is append-only: H2 refuses UPDATE and DELETE through a Java trigger.
CREATE TRIGGER decision_record_append_only BEFORE UPDATE, DELETE ON decision_record FOR EACH ROW
    CALL "cn.smartfactory.lending.record.AppendOnlyTrigger";
