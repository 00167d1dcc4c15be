package cn.smartfactory.lending.decision;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Which version of a table a loan uses: the one deployed with the loan's process (its release), so
 * that a table activated later changes new loans only, never one already in flight. While the
 * engine runs a delegate or listener of a process, the tables are bound to that process's
 * deployment; a table that deployment does not carry is taken as it was in force when the
 * deployment was made. Outside a process (the platform's API) the newest version applies.
 */
public final class DecisionBinding implements DelegateInterceptor {

    private static final ThreadLocal<String> DEPLOYMENT = new ThreadLocal<>();
    /** (deployment, key) → decision definition id; deployments never change, so the answer is kept. */
    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();

    private final DelegateInterceptor delegate;

    DecisionBinding(DelegateInterceptor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        String previous = DEPLOYMENT.get();
        String deployment = invocation.getContextExecution() instanceof ExecutionEntity execution
                && execution.getProcessDefinition() != null ? execution.getProcessDefinition().getDeploymentId() : previous;
        DEPLOYMENT.set(deployment);
        try {
            delegate.handleInvocation(invocation);
        } finally {
            if (previous == null) {
                DEPLOYMENT.remove();
            } else {
                DEPLOYMENT.set(previous);
            }
        }
    }

    /** The deployment the running process step binds tables to, or null outside a process. */
    public static String current() {
        return DEPLOYMENT.get();
    }

    /**
     * {@code key:version} of every table a process deployment uses (for the decision record), inside
     * a command; the newest versions when no deployment is given.
     */
    public static String versionsInForce(String deploymentId) {
        CommandContext context = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        return context.runWithoutAuthorization(() -> {
            var latest = context.getProcessEngineConfiguration().getRepositoryService().createDecisionDefinitionQuery()
                    .latestVersion().list();
            return latest.stream().map(d -> deploymentId == null ? d : resolve(context, deploymentId, d.getKey()))
                    .filter(java.util.Objects::nonNull).map(d -> d.getKey() + ":" + d.getVersion()).sorted()
                    .collect(java.util.stream.Collectors.joining(","));
        });
    }

    /**
     * The table of that key a process deployment uses: its own, else the newest deployed at or
     * before it; null when there is none.
     */
    static DecisionDefinition resolve(CommandContext context, String deploymentId, String key) {
        String cached = RESOLVED.get(deploymentId + "/" + key);
        var cache = context.getProcessEngineConfiguration().getDeploymentCache();
        if (cached != null) {
            return cache.findDeployedDecisionDefinitionById(cached);
        }
        var definitions = context.getProcessEngineConfiguration().getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).orderByDecisionDefinitionVersion().desc().list();
        DecisionDefinition chosen = definitions.stream().filter(d -> deploymentId.equals(d.getDeploymentId())).findFirst()
                .orElse(null);
        if (chosen == null) {
            DeploymentEntity deployment = context.getDeploymentManager().findDeploymentById(deploymentId);
            Date made = deployment == null ? null : deployment.getDeploymentTime();
            for (DecisionDefinition d : definitions) {
                DeploymentEntity of = context.getDeploymentManager().findDeploymentById(d.getDeploymentId());
                if (made == null || of != null && !of.getDeploymentTime().after(made)) {
                    chosen = d;
                    break;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        RESOLVED.put(deploymentId + "/" + key, chosen.getId());
        return cache.findDeployedDecisionDefinitionById(chosen.getId());
    }
}
