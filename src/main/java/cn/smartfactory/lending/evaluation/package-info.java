/**
 * Officer evaluation (客户经理分级管理): each month, each account manager's indicators from the factory's
 * KPIs — new customers and new balance against the targets imported from Excel, NPL and overdue rates,
 * loans overdue in the past year, days to disbursement, committee cases, rework, marketing points — and a
 * level from the {@code officer-level} table, kept as snapshots; and each approver's level from the live loans
 * they signed ({@code approver-level}), which the approval authority reads when they sign (分层授权).
 * See docs/officer-evaluation.md.
 */
package cn.smartfactory.lending.evaluation;
