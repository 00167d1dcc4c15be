package cn.smartfactory.lending.accountability;

/**
 * What the dossier says about one officer in one role, as the {@code due-diligence-standards} table reads
 * it; the evidence says it in words for the finding.
 *
 * @param role                 INVESTIGATOR, APPROVER, COMMITTEE_MEMBER, OPERATIONS or MONITORING
 * @param salesEstimates       independent sales estimates that counted in the investigation; -1 when not on record
 * @param hardFlagsUnanswered  hard flags the officer's approving opinion does not name
 * @param aboveAuthority       whether the officer approved an amount the approval-authority table did not give them
 * @param conditionsUnfulfilled whether the contract was signed with the approval's conditions not fulfilled
 * @param checksNotOnTime      periodic checks done late by the officer, or missed (for the account manager)
 * @param warningsLate         warnings handled after their deadline, or still open after it (for the account manager)
 */
public record OfficerFacts(String officer, String role, int salesEstimates, int hardFlagsUnanswered, boolean aboveAuthority,
                           boolean conditionsUnfulfilled, int checksNotOnTime, int warningsLate, String evidence) {
}
