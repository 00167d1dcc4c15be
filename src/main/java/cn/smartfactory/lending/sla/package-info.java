/**
 * Station SLAs: every human task's due date from the {@code station-sla} table and the business
 * calendar (weekends and Chinese public holidays as data managers edit), and the escalation of a late
 * task — its priority rises and the station's lead gets a follow-up task. See docs/sla.md.
 */
package cn.smartfactory.lending.sla;
