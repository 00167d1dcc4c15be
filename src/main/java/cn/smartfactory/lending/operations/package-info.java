/**
 * For IT operations: Spring Boot Actuator's health (database, process engine, job executor) and a
 * Prometheus endpoint with the platform's own meters — open and overdue tasks per station, job backlog
 * and incidents, loans registered, refusals by rule — under /actuator, for the it-operations role only.
 * See docs/operations.md.
 */
package cn.smartfactory.lending.operations;
