-- PostgreSQL gets planner statistics for the authorization checks of task queries here
-- (db/vendor/postgresql). H2, the single-user demo database, needs none; this keeps the
-- migration history the same on both.
SELECT 1;
