/**
 * Approval authority (审批权限): who may approve a loan — a single approver, two approvers, or the
 * credit committee — decided by the {@code approval-authority} table on amount, grade, product and
 * flags, and — when an approver signs — on that approver's level (分层授权).
 */
package cn.smartfactory.lending.approval;
