package cn.smartfactory.lending.origination;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.investigation.InvestigationRecord.Counterparty;
import cn.smartfactory.lending.investigation.InvestigationRecord.MonthlyAmount;
import cn.smartfactory.lending.scoring.WorkedCases;

/** A worked borrower as the three forms would submit it: start form, bureau task, checklist. */
final class LoanFixtures {

    private LoanFixtures() {
    }

    static Map<String, Object> startForm(String workedCase) {
        InvestigationRecord r = WorkedCases.load(workedCase);
        Map<String, Object> v = new HashMap<>();
        v.put("customerName", r.applicant().name());
        v.put("customerIdNumber", "11010119800101123X");
        v.put("applicantAge", r.applicant().age());
        v.put("industry", r.industry());
        v.put("product", r.loan().product());
        v.put("amount", r.loan().amount().doubleValue());
        v.put("termMonths", r.loan().termMonths());
        v.put("purpose", r.loan().purpose());
        v.put("guaranteeType", r.loan().guaranteeType().name());
        v.put("leadSource", "WALK_IN");
        return v;
    }

    static Map<String, Object> bureauForm(String workedCase) {
        var c = WorkedCases.load(workedCase).creditHistory();
        Map<String, Object> v = new HashMap<>();
        v.put("bureauCurrentOverdue", c.currentOverdue());
        v.put("bureauBlacklisted", c.blacklisted());
        v.put("bureauOverdueCount24Months", c.overdueCount24Months());
        v.put("bureauInquiries6Months", c.inquiries6Months());
        v.put("bureauLendersWithOutstanding", c.lendersWithOutstanding());
        v.put("documentsComplete", true);
        return v;
    }

    static Map<String, Object> checklist(String workedCase) {
        InvestigationRecord r = WorkedCases.load(workedCase);
        Map<String, Object> v = new HashMap<>();
        v.put("yearsInIndustry", r.applicant().yearsInIndustry());
        v.put("yearsResidentLocally", r.applicant().yearsResidentLocally());
        v.put("maritalStatus", r.applicant().maritalStatus().name());
        v.put("householdMembers", r.household().members());
        v.put("householdDependents", r.household().dependents());
        v.put("householdMonthlyExpenses", r.household().monthlyExpenses());
        v.put("otherMonthlyIncome", r.household().otherMonthlyIncome());
        v.put("businessName", r.business().name());
        v.put("yearsInOperation", r.business().yearsInOperation());
        v.put("employees", r.business().employees());
        v.put("salesLastYear", r.business().salesLastYear());
        v.put("premisesOwned", r.premises().owned());
        v.put("remainingLeaseMonths", r.premises().remainingLeaseMonths());
        v.put("reputation", r.softInformation().reputation());
        v.put("familyStability", r.softInformation().familyStability());
        v.put("adverseHabits", r.softInformation().adverseHabits());
        for (int i = 0; i < r.existingDebts().size(); i++) {
            var d = r.existingDebts().get(i);
            v.put("debt" + (i + 1) + "Lender", d.lender());
            v.put("debt" + (i + 1) + "Outstanding", d.outstanding());
            v.put("debt" + (i + 1) + "Instalment", d.monthlyInstalment());
        }
        var bs = r.balanceSheet();
        v.put("bsCash", bs.cash());
        v.put("bsReceivables", bs.receivables());
        v.put("bsInventory", bs.inventory());
        v.put("bsOtherCurrentAssets", bs.otherCurrentAssets());
        v.put("bsFixedAssets", bs.fixedAssets());
        v.put("bsOtherAssets", bs.otherAssets());
        v.put("bsPayables", bs.payables());
        v.put("bsShortTermDebt", bs.shortTermDebt());
        v.put("bsOtherCurrentLiabilities", bs.otherCurrentLiabilities());
        v.put("bsLongTermDebt", bs.longTermDebt());
        v.put("equityOpening", r.equityHistory().openingEquity());
        v.put("equityAccumulatedProfit", r.equityHistory().accumulatedProfit());
        v.put("equityWithdrawals", r.equityHistory().privateWithdrawals());
        var pl = r.profitAndLoss();
        v.put("declaredMonthlySales", pl.declaredMonthlySales());
        v.put("grossMarginPercent", pl.grossMargin().movePointRight(2));
        v.put("rent", pl.rent());
        v.put("wages", pl.wages());
        v.put("utilities", pl.utilities());
        v.put("transport", pl.transport());
        v.put("taxes", pl.taxes());
        v.put("otherExpenses", pl.otherExpenses());
        months(v, r.bankInflows(), "statementsLatestMonth", "inflowMonth");
        months(v, r.purchases(), "purchasesLatestMonth", "purchaseMonth");
        parties(v, r.topCustomers(), "customer");
        parties(v, r.topSuppliers(), "supplier");
        r.driverInputs().forEach((name, value) -> v.put(InvestigationVariables.driverVariable(name), value));
        if (r.collateral() != null) {
            v.put("collateralDescription", r.collateral().description());
            v.put("collateralAppraisedValue", r.collateral().appraisedValue());
            v.put("collateralExistingLiens", r.collateral().existingLiens());
        }
        // Forms submit numbers as doubles; the line must cope with that as much as with decimals.
        v.replaceAll((k, value) -> value instanceof BigDecimal d ? d.doubleValue() : value);
        return v;
    }

    private static void months(Map<String, Object> v, List<MonthlyAmount> months, String latest, String prefix) {
        List<MonthlyAmount> newestFirst = months.stream().sorted(Comparator.comparing(MonthlyAmount::month).reversed()).toList();
        v.put(latest, newestFirst.get(0).month().toString());
        for (int i = 0; i < newestFirst.size(); i++) {
            v.put(prefix + (i + 1), newestFirst.get(i).amount());
        }
    }

    private static void parties(Map<String, Object> v, List<Counterparty> parties, String prefix) {
        for (int i = 0; i < parties.size(); i++) {
            v.put(prefix + (i + 1) + "Name", parties.get(i).name());
            v.put(prefix + (i + 1) + "SharePercent", parties.get(i).share().movePointRight(2));
        }
    }
}
