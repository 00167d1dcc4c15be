/**
 * Due-diligence exemption (尽职免责): an accountability review for every loan that goes bad. The review
 * ({@code npl-accountability-review}) starts once per loan when it first reaches substandard or is written
 * off; it assembles the dossier from the decision record and the task facts (each station's work against its
 * SLA, the investigation, each flag and how the opinions dealt with it, the model against the decision, the
 * committee, monitoring, warnings and collection), gives each officer a preliminary finding from the
 * {@code due-diligence-standards} table, hears the officers found short of a standard, and records each
 * officer's determination proposed by one risk manager and confirmed by another. Sits above the line's
 * features and the KPIs; the officer evaluation reads its determinations. See docs/accountability.md.
 */
package cn.smartfactory.lending.accountability;
