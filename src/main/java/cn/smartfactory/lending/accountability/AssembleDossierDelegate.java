package cn.smartfactory.lending.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** {@code ${assembleDossier}}: the review's dossier, findings and record entry, in the step's job (retried, then an incident). */
public class AssembleDossierDelegate implements JavaDelegate {

    private final AccountabilityReviews reviews;

    AssembleDossierDelegate(AccountabilityReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewId = (String) execution.getVariable(ReviewVariables.REVIEW_ID);
        execution.setVariable(ReviewVariables.DOSSIER_SHA256, reviews.assemble(reviewId, execution.getProcessInstanceId()));
    }
}
