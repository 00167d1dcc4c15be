/**
 * The loan origination line ({@code processes/loan-origination.bpmn}): the engine glue — intake,
 * screening outcomes, scoring, segregation of duties, approvals and votes, hand-over — beside the
 * plain services it calls. Variable names live in {@link cn.smartfactory.lending.origination.LoanVariables}.
 */
package cn.smartfactory.lending.origination;
