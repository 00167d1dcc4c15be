package cn.smartfactory.lending.origination;

import static cn.smartfactory.lending.origination.LoanVariables.APPROVED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.DISBURSED_AMOUNT;
import static cn.smartfactory.lending.origination.LoanVariables.PRODUCT;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.product.ProductCatalog;
import cn.smartfactory.lending.product.ProductTerms;

/**
 * Central operations pay out at most what was approved and at least the product's minimum (an
 * approval is never below it, so a valid amount always exists).
 */
@Component("disbursementCheck")
public class DisbursementCheckListener implements TaskListener {

    private final ProductCatalog products;

    public DisbursementCheckListener(ProductCatalog products) {
        this.products = products;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable(LoanVariables.DISBURSEMENT_WITHDRAWN))) {
            return; // nothing is paid out
        }
        BigDecimal disbursed = ApprovalRecorder.number(task.getVariable(DISBURSED_AMOUNT));
        BigDecimal approved = ApprovalRecorder.number(task.getVariable(APPROVED_AMOUNT));
        if (disbursed.compareTo(approved) > 0) {
            throw ApprovalRecorder.refused(task, DISBURSED_AMOUNT, "放款金额不得超过批准金额 " + approved.toPlainString(),
                    "the disbursed amount may not exceed the approved amount of " + approved.toPlainString());
        }
        ProductTerms terms = products.find(String.valueOf(task.getVariable(PRODUCT))).orElseThrow();
        if (disbursed.compareTo(terms.minAmount()) < 0) {
            throw ApprovalRecorder.refused(task, DISBURSED_AMOUNT, "放款金额不得低于" + terms.nameZh() + "最低金额 "
                    + terms.minAmount().toPlainString(), "the disbursed amount may not be below the " + terms.nameEn()
                    + " minimum of " + terms.minAmount().toPlainString());
        }
    }
}
