-- Credit reports are stored once: H2 refuses UPDATE and DELETE through a Java trigger.
CREATE TRIGGER credit_report_append_only BEFORE UPDATE, DELETE ON credit_report FOR EACH ROW
    CALL "cn.smartfactory.lending.record.AppendOnlyTrigger";
