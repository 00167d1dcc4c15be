/**
 * The decision record (决策档案) behind 尽职免责: every human decision and every automatic result a
 * later review relies on — who, in which role, when, on which task, what was decided, the amount,
 * route, score and grade, the versions of the decision tables used, the credit report's SHA-256 —
 * appended to a table of its own in the same transaction as the step. Nothing updates or deletes a
 * row: the database refuses it (a trigger), and the code has no such path. Segregation of duties
 * reads who did what from here, never from a variable a submission could write.
 */
package cn.smartfactory.lending.record;
