/**
 * Officer evaluation (客户经理分级管理): each month, each account manager's indicators from the factory's
 * KPIs — new customers and new balance against the targets imported from Excel, NPL and overdue rates,
 * loans overdue in the past year, days to disbursement, committee cases, rework, marketing points — and a
 * level from the {@code officer-level} table, kept as snapshots. See docs/officer-evaluation.md.
 */
package cn.smartfactory.lending.evaluation;
