-- The accountability reviews feed the officer evaluation (docs/accountability.md): per officer and month, the
-- loans whose final determination of the officer — exempt (尽职免责) or responsible — was confirmed in the month.
ALTER TABLE officer_evaluation ADD COLUMN exempt_determinations INTEGER;
ALTER TABLE officer_evaluation ADD COLUMN responsible_determinations INTEGER;
ALTER TABLE approver_evaluation ADD COLUMN exempt_determinations INTEGER;
ALTER TABLE approver_evaluation ADD COLUMN responsible_determinations INTEGER;
