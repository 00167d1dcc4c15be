-- The decision record is append-only: PostgreSQL refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION decision_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '决策档案只能追加,不能修改或删除 / decision_record is append-only: rows cannot be updated or deleted'
        USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER decision_record_append_only BEFORE UPDATE OR DELETE ON decision_record
    FOR EACH ROW EXECUTE FUNCTION decision_record_append_only();
CREATE TRIGGER decision_record_no_truncate BEFORE TRUNCATE ON decision_record
    FOR EACH STATEMENT EXECUTE FUNCTION decision_record_append_only();
