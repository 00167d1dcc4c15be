package cn.smartfactory.lending.investigation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the investigator records on site for one application: the common checklist sections
 * (identity, household, premises, soft information, credit history, debts), the reconstructed
 * financials, the independent sales evidence and the industry's driver inputs.
 *
 * <p>Amounts are CNY; ratios and shares are fractions (0.12 = 12%). Boxed types are deliberate:
 * a missing answer stays {@code null} so validation can name it instead of scoring a silent zero.
 *
 * @param industry       industry code from the reference data, e.g. {@code FMCG_WHOLESALE}
 * @param bankInflows    business inflows per month from bank statements (S_b source)
 * @param purchases      purchases per month from invoices / supplier statements (S_p source)
 * @param driverInputs   the industry's operational driver inputs by name (S_o source); which names
 *                       an industry needs is reference data, so a new industry needs no new field
 * @param collateral     required only for products that lend against collateral
 */
public record InvestigationRecord(
        String applicationId,
        String industry,
        LoanRequest loan,
        Applicant applicant,
        Household household,
        Business business,
        Premises premises,
        SoftInformation softInformation,
        CreditHistory creditHistory,
        List<ExistingDebt> existingDebts,
        BalanceSheet balanceSheet,
        EquityHistory equityHistory,
        ProfitAndLoss profitAndLoss,
        List<MonthlyAmount> bankInflows,
        List<MonthlyAmount> purchases,
        List<Counterparty> topCustomers,
        List<Counterparty> topSuppliers,
        Map<String, BigDecimal> driverInputs,
        Collateral collateral,
        Guarantor guarantor) {

    public InvestigationRecord {
        existingDebts = copy(existingDebts);
        bankInflows = copy(bankInflows);
        purchases = copy(purchases);
        topCustomers = copy(topCustomers);
        topSuppliers = copy(topSuppliers);
        driverInputs = driverInputs == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(driverInputs));
    }

    /** Unmodifiable, but null entries survive so that validation can name them (List.copyOf would throw). */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * What the customer asks for (申请), including how the loan is to be repaid and the month the money is needed in
     * (计划用款月份): the first repayment falls in the month after it, which places a seasonal schedule's principal. A
     * scenario product (场景贷) also records its scenario data: the reference the bank verifies (a licence number) and
     * the monthly amount through the scenario's channel; null for the other products.
     */
    public record LoanRequest(String product, BigDecimal amount, Integer termMonths, String purpose,
                              GuaranteeType guaranteeType,
                              cn.smartfactory.lending.product.RepaymentStructure repaymentStructure,
                              java.time.YearMonth drawdownMonth, String scenarioReference,
                              BigDecimal scenarioMonthlyAmount) {
    }

    /** The applicant as a person (主体). */
    public record Applicant(String name, Integer age, BigDecimal yearsInIndustry,
                            BigDecimal yearsResidentLocally, MaritalStatus maritalStatus) {
    }

    /**
     * Household composition and spending (家庭情况); expenses are per month. {@code region} is the kind of place the
     * household lives (a code of the reference data's household expense norms, e.g. VILLAGE).
     */
    public record Household(Integer members, Integer dependents, BigDecimal monthlyExpenses,
                            BigDecimal otherMonthlyIncome, String region) {
    }

    /** The business itself; {@code salesLastYear} is null for a business younger than a year. */
    public record Business(String name, BigDecimal yearsInOperation, Integer employees,
                           BigDecimal salesLastYear) {
    }

    /** Where the business operates; a lease's remaining months matter only when not owned. */
    public record Premises(Boolean owned, Integer remainingLeaseMonths, BigDecimal areaSquareMetres) {
    }

    /** Soft information (软信息), scored 1 (poor) to 5 (good); recorded for the approver, not scored. */
    public record SoftInformation(Integer reputation, Integer familyStability, Boolean adverseHabits,
                                  String notes) {
    }

    /**
     * The credit-bureau picture (征信). {@code outstandingBalance} is the total the report shows outstanding with
     * the {@code lendersWithOutstanding} lenders, checked against the debts the applicant declares.
     */
    public record CreditHistory(Boolean currentOverdue, Boolean blacklisted, Integer overdueCount24Months,
                                Integer inquiries6Months, Integer lendersWithOutstanding,
                                BigDecimal outstandingBalance) {
    }

    /** One existing loan of the business or household. */
    public record ExistingDebt(String lender, BigDecimal outstanding, BigDecimal monthlyInstalment) {
    }

    /** The balance sheet reconstructed on site (还原资产负债表). */
    public record BalanceSheet(BigDecimal cash, BigDecimal receivables, BigDecimal inventory,
                               BigDecimal otherCurrentAssets, BigDecimal fixedAssets, BigDecimal otherAssets,
                               BigDecimal payables, BigDecimal shortTermDebt,
                               BigDecimal otherCurrentLiabilities, BigDecimal longTermDebt) {
    }

    /** What equity should be, from its history, for the equity reconciliation (权益交叉检验). */
    public record EquityHistory(BigDecimal openingEquity, BigDecimal accumulatedProfit,
                                BigDecimal privateWithdrawals) {
    }

    /**
     * The monthly P&amp;L as declared and observed. {@code grossMargin} is the margin on sales the
     * investigator verified from sampled buy and sell prices, not the owner's claim.
     */
    public record ProfitAndLoss(BigDecimal declaredMonthlySales, BigDecimal grossMargin, BigDecimal rent,
                                BigDecimal wages, BigDecimal utilities, BigDecimal transport,
                                BigDecimal taxes, BigDecimal otherExpenses) {
    }

    /** An amount for one calendar month, e.g. "2026-05". */
    public record MonthlyAmount(java.time.YearMonth month, BigDecimal amount) {
    }

    /** A top customer or supplier and its share of sales or purchases. */
    public record Counterparty(String name, BigDecimal share) {
    }

    /**
     * Collateral offered (抵押物): what it is, its appraised value and by whom it was appraised, the liens already on it,
     * and — for a dwelling — whether it is the family's only home, which the advance-rate table weighs.
     */
    public record Collateral(String description, BigDecimal appraisedValue, BigDecimal existingLiens,
                             PropertyType propertyType, Boolean soleResidence, AppraisalSource appraisalSource) {
    }

    /**
     * The guarantor of a loan guaranteed by a person or a firm (保证人), as the investigator finds them: what they earn
     * and own, what they already guarantee for others, and whether they are part of a mutual (互保) or joint (联保)
     * guarantee group — where one member's default falls on all the others.
     *
     * @param guaranteesGiven      outstanding amounts the guarantor already guarantees for others (对外担保余额)
     * @param chainMembers         how many borrowers the group has, the applicant included (at least 2 in a group)
     * @param chainMemberInDefault whether any member of the group is overdue or in default now
     */
    public record Guarantor(String name, String relationship, BigDecimal monthlyIncome, BigDecimal netAssets,
                            BigDecimal guaranteesGiven, GuaranteeChain chain, Integer chainMembers,
                            Boolean chainMemberInDefault) {
    }

    /** Whether the guarantor is in a guarantee group: none, mutual (互保, two firms guarantee each other), joint (联保). */
    public enum GuaranteeChain { NONE, MUTUAL, JOINT }

    /** The kind of property pledged. */
    public enum PropertyType { RESIDENTIAL, COMMERCIAL, INDUSTRIAL }

    /** Who appraised the collateral: the bank's own appraiser or an appraisal firm. */
    public enum AppraisalSource { BANK_APPRAISER, APPRAISAL_FIRM }

    public enum GuaranteeType { NONE, GUARANTOR, GUARANTEE_COMPANY, PROPERTY }

    public enum MaritalStatus { SINGLE, MARRIED, DIVORCED, WIDOWED }
}
