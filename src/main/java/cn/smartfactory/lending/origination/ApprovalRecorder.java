package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVAL_CONDITIONS;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVAL_DECISION;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVAL_OPINION;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVAL_ROUTE;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_TERM_MONTHS;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_REASON;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_REASON_CODE;
import static cn.smartfactory.lending.origination.LoanVariables.DECLINE_STAGE;
import static cn.smartfactory.lending.origination.LoanVariables.FLAG_COUNT;
import static cn.smartfactory.lending.origination.LoanVariables.GRADE;
import static cn.smartfactory.lending.origination.LoanVariables.HARD_FLAG;
import static cn.smartfactory.lending.origination.LoanVariables.PRODUCT;
import static cn.smartfactory.lending.origination.LoanVariables.REWORK_COUNT;
import static cn.smartfactory.lending.origination.LoanVariables.SEND_BACK_REASON;
import static cn.smartfactory.lending.origination.LoanVariables.SIGNED_ALONE;
import static cn.smartfactory.lending.origination.LoanVariables.SIGNED_ALONE_LEVEL;
import static cn.smartfactory.lending.origination.LoanVariables.SIGNED_ALONE_REASON;
import static cn.smartfactory.lending.origination.LoanVariables.SUGGESTED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.TERM_MONTHS;
import static cn.smartfactory.lending.origination.LoanVariables.VOTE;
import static cn.smartfactory.lending.origination.LoanVariables.DISBURSED_AMOUNT;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.approval.ApprovalAuthority;
import cn.smartfactory.lending.approval.ApprovalRoute;
import cn.smartfactory.lending.approval.ApprovalRoute.Route;
import cn.smartfactory.lending.approval.ApproverLevels;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.product.ProductCatalog;
import cn.smartfactory.lending.product.ProductTerms;
import cn.smartfactory.lending.record.Actor;

/**
 * Checks and records an approver's decision: a decline needs a reason code, a send-back a reason
 * (and counts as rework), a changed amount or term must be given and must stay within the
 * authority of this route — a single approver cannot raise a loan into dual-signature territory;
 * such a case is referred instead. An unchanged approval approves the suggested limit.
 *
 * <p>Authority is tiered (分层授权): an approval is checked against the {@code approval-authority} table
 * with the signing approver's current level. An approver whose level narrows the route (on watch, say)
 * cannot approve on it; a first signature whose level covers the loan alone (a senior approver) is
 * marked {@code signedAlone}, and the process skips the second signature.
 */
@Component("approvalRecorder")
public class ApprovalRecorder implements TaskListener {

    static final List<String> DECISIONS = List.of("APPROVE", "APPROVE_MODIFIED", "SEND_BACK", "DECLINE", "REFER");

    static final String FIRST_SIGNATURE = "Task_ApproveFirstSignature";

    private final ApprovalAuthority authority;
    private final ProductCatalog products;
    private final ApproverLevels levels;

    public ApprovalRecorder(ApprovalAuthority authority, ProductCatalog products, ApproverLevels levels) {
        this.authority = authority;
        this.products = products;
        this.levels = levels;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = (String) task.getVariable(APPROVAL_DECISION);
        if (decision == null || !DECISIONS.contains(decision)) {
            throw refused(task, "approvalDecision", "须为 " + DECISIONS + " 之一", "must be one of " + DECISIONS + " (was " + decision + ")");
        }
        var instance = task.getExecution().getProcessInstance();
        // The submission stays on the task (one person's decision); the process routes on a copy.
        instance.setVariable(APPROVAL_DECISION, decision);
        for (String copied : List.of(APPROVAL_OPINION, APPROVAL_CONDITIONS, SEND_BACK_REASON)) {
            if (task.hasVariableLocal(copied)) {
                instance.setVariable(copied, task.getVariableLocal(copied));
            }
        }
        if (FIRST_SIGNATURE.equals(task.getTaskDefinitionKey())) {
            instance.setVariable(SIGNED_ALONE, false);
            instance.removeVariable(SIGNED_ALONE_REASON);
            instance.removeVariable(SIGNED_ALONE_LEVEL);
        }
        switch (decision) {
            case "APPROVE" -> {
                BigDecimal suggested = number(task.getVariable(SUGGESTED_AMOUNT));
                requireAtLeastMinimum(task, APPROVAL_DECISION, terms(task), suggested);
                withinAuthority(task, APPROVAL_DECISION, suggested);
                instance.setVariable(APPROVED_AMOUNT, suggested.doubleValue());
                instance.setVariable(APPROVED_TERM_MONTHS, number(task.getVariable(TERM_MONTHS)).intValue());
            }
            case "APPROVE_MODIFIED" -> approveModified(task);
            case "SEND_BACK" -> {
                requireText(task, SEND_BACK_REASON, "退回须说明原因", "a send-back needs a reason");
                instance.setVariable(REWORK_COUNT, number(task.getVariable(REWORK_COUNT)).intValue() + 1);
            }
            case "DECLINE" -> {
                requireText(task, DECLINE_REASON_CODE, "拒绝须选择原因代码", "a decline needs a reason code");
                instance.setVariable(DECLINE_STAGE, "APPROVAL");
                instance.setVariable(DECLINE_REASON, task.getVariable(DECLINE_REASON_CODE));
            }
            case "REFER" -> {
                if ("CREDIT_COMMITTEE".equals(task.getVariable(APPROVAL_ROUTE))) {
                    throw refused(task, "approvalDecision", "贷审会不能再提交贷审会", "the committee cannot refer a case to itself");
                }
            }
            default -> throw new IllegalStateException(decision);
        }
    }

    private void approveModified(DelegateTask task) {
        BigDecimal amount = optionalNumber(task, APPROVED_AMOUNT);
        BigDecimal term = optionalNumber(task, APPROVED_TERM_MONTHS);
        if (amount == null || amount.signum() <= 0) {
            throw refused(task, APPROVED_AMOUNT, "调整批准时须填写大于0的批准金额", "approving with changes needs an approved amount above 0");
        }
        if (term == null || term.signum() <= 0 || term.stripTrailingZeros().scale() > 0) {
            throw refused(task, APPROVED_TERM_MONTHS, "调整批准时须填写批准期限(整月)", "approving with changes needs a term in whole months");
        }
        ProductTerms terms = terms(task);
        if (amount.compareTo(terms.minAmount()) < 0) {
            throw refused(task, APPROVED_AMOUNT, "批准金额不得低于" + terms.nameZh() + "最低金额 " + terms.minAmount().toPlainString(),
                    "the approved amount may not be below the " + terms.nameEn() + " minimum of " + terms.minAmount().toPlainString());
        }
        if (amount.compareTo(terms.maxAmount()) > 0) {
            throw refused(task, APPROVED_AMOUNT, "批准金额不得超过" + terms.nameZh() + "上限 " + terms.maxAmount().toPlainString(),
                    "the approved amount may not exceed the " + terms.nameEn() + " cap of " + terms.maxAmount().toPlainString());
        }
        Object structureName = task.getVariable(LoanVariables.REPAYMENT_STRUCTURE);
        if (structureName != null) {
            var structure = cn.smartfactory.lending.product.RepaymentStructure.valueOf(structureName.toString());
            var offered = products.maxTermMonths(terms.code(), structure);
            if (offered.isEmpty()) {
                throw refused(task, APPROVED_TERM_MONTHS, terms.nameZh() + "已不提供“" + structure.nameZh() + "”还款方式",
                        "the " + terms.nameEn() + " product no longer offers " + structure.nameEn().toLowerCase(java.util.Locale.ROOT));
            }
            int longest = offered.get();
            if (term.intValue() > longest) {
                throw refused(task, APPROVED_TERM_MONTHS, "“" + structure.nameZh() + "”最长期限为 " + longest + " 个月",
                        "the longest term for " + structure.nameEn().toLowerCase(java.util.Locale.ROOT) + " is " + longest
                                + " months");
            }
        }
        BigDecimal requested = number(task.getVariable(AMOUNT));
        if (amount.compareTo(requested) > 0) {
            throw refused(task, APPROVED_AMOUNT, "批准金额不得超过申请金额", "the approved amount may not exceed the requested amount");
        }
        withinAuthority(task, APPROVED_AMOUNT, amount);
        var instance = task.getExecution().getProcessInstance();
        instance.setVariable(APPROVED_AMOUNT, amount.doubleValue());
        instance.setVariable(APPROVED_TERM_MONTHS, term.intValue());
    }

    /**
     * The amount approved must be within the authority of the route as it stands for this approver: the
     * table with the signer's level. Above it the case is refused (another approver, or a referral); at a
     * first signature that the signer's level covers alone, the loan is marked signed alone.
     */
    private void withinAuthority(DelegateTask task, String field, BigDecimal amount) {
        Route current = Route.valueOf((String) task.getVariable(APPROVAL_ROUTE));
        String grade = (String) task.getVariable(GRADE);
        String product = (String) task.getVariable(PRODUCT);
        boolean hardFlag = Boolean.TRUE.equals(task.getVariable(HARD_FLAG));
        int flagCount = number(task.getVariable(FLAG_COUNT)).intValue();
        Route forTheAmount = authority.route(amount, grade, product, hardFlag, flagCount, false).route();
        if (forTheAmount.ordinal() > current.ordinal()) {
            throw refused(task, field, "该金额超出本审批路径的权限,请提交贷审会",
                    "this amount needs " + forTheAmount + ", beyond the authority of " + current + ": refer the case instead");
        }
        String signer = Actor.of(task);
        String level = signer == null ? null : levels.currentLevel(signer).orElse(null);
        if (level == null) {
            return;
        }
        ApprovalRoute forTheSigner = authority.route(amount, grade, product, hardFlag, flagCount, false, level);
        if (forTheSigner.route().ordinal() > current.ordinal()) {
            throw refused(task, field, "您的审批等级不足以在本路径批准:" + forTheSigner.reasonZh() + ",请由其他审批人审批或提交贷审会",
                    "your level does not carry the authority of this route: " + forTheSigner.reasonEn()
                            + "; let another approver sign or refer the case");
        }
        if (FIRST_SIGNATURE.equals(task.getTaskDefinitionKey()) && forTheSigner.route() == Route.SINGLE_APPROVER) {
            var instance = task.getExecution().getProcessInstance();
            instance.setVariable(SIGNED_ALONE, true);
            instance.setVariable(SIGNED_ALONE_REASON, forTheSigner.reasonZh() + " " + forTheSigner.reasonEn());
            instance.setVariable(SIGNED_ALONE_LEVEL, level);
        }
    }

    ProductTerms terms(DelegateTask task) {
        Object product = task.getVariable(PRODUCT);
        return products.find(product == null ? null : product.toString()).orElseThrow(() -> new IllegalStateException(
                "loan " + task.getProcessInstanceId() + " has no known product (" + product + ")"));
    }

    /**
     * Approving the model's limit needs a limit the bank can lend: below the product minimum (a
     * supportable limit of 0, say) the case is declined, approved with a changed amount, or referred.
     */
    static void requireAtLeastMinimum(DelegateTask task, String field, ProductTerms terms, BigDecimal suggested) {
        if (suggested.compareTo(terms.minAmount()) < 0) {
            throw refused(task, field, "模型建议额度 " + suggested.toPlainString() + " 低于" + terms.nameZh() + "最低金额 "
                    + terms.minAmount().toPlainString() + ",不能按建议额度批准", "the suggested limit of " + suggested.toPlainString()
                    + " is below the " + terms.nameEn() + " minimum of " + terms.minAmount().toPlainString()
                    + " and cannot be approved as suggested");
        }
    }

    private static void requireText(DelegateTask task, String name, String zh, String en) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw refused(task, name, zh, en);
        }
    }

    private static BigDecimal optionalNumber(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            throw refused(task, name, "须为数字", "must be a number (was '" + value + "')");
        }
    }

    static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    /** A refusal naming the field by its label on the task's form ({@link FormRules#refusal}). */
    static BadUserRequestException refused(DelegateTask task, String field, String zh, String en) {
        return FormRules.refusal(task, field, zh, en);
    }
}
