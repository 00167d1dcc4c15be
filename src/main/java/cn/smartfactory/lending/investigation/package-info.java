/**
 * The on-site investigation (现场尽调) as data: the typed record an investigator fills in with the
 * industry checklist, and its server-side validation. Every later station reads this record; none
 * of them accepts it before {@link cn.smartfactory.lending.investigation.InvestigationValidator}
 * has passed it.
 */
package cn.smartfactory.lending.investigation;
