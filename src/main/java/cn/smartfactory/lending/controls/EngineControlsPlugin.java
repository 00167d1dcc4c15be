package cn.smartfactory.lending.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Installs the platform's controls in the engine: the deployment allowlist (diagrams and tables
 * run code); the boundary guard as the first command interceptor; candidate groups get their
 * tasks' permissions once per process ({@link ProcessTaskGrants}), and where a row per task is
 * still needed candidates and assignees get TASK_WORK (claim and complete), never UPDATE (which would let them write variables and change the task); reading and writing variables
 * needs the specific variable permissions; Java-serialized values are refused and deserializing
 * any object is checked against an allowlist.
 */
public class EngineControlsPlugin extends AbstractProcessEnginePlugin {

    /** The classes an object variable may be deserialized into. */
    static final Set<String> VALUE_CLASSES = Set.of("java.lang.Object", "java.lang.String", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Byte", "java.lang.Float", "java.lang.Integer",
            "java.lang.Long", "java.lang.Double", "java.lang.Short", "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.ArrayList", "java.util.LinkedHashMap", "java.util.HashMap");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineControlsPlugin.class);

    private final ProcessTaskGrants taskGrants = new ProcessTaskGrants();
    private final Supplier<Set<String>> platformBeans;
    private final Supplier<DeploymentProposals> proposals;

    /**
     * @param platformBeans the names of the platform's delegates and listeners a diagram may use
     * @param proposals     where staff deployments go to wait for a second person's activation
     */
    public EngineControlsPlugin(Supplier<Set<String>> platformBeans, Supplier<DeploymentProposals> proposals) {
        this.platformBeans = platformBeans;
        this.proposals = proposals;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.persistence.deploy.Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(0, new DeploymentAllowlist(platformBeans));
        configuration.setCustomPreDeployers(deployers);
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new EngineBoundaryGuard(configuration, proposals, platformBeans));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> parseListeners =
                configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
                        : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        parseListeners.add(new UserTaskPropertiesParseListener());
        configuration.setCustomPreBPMNParseListeners(parseListeners);
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        configuration.setResourceAuthorizationProvider(taskGrants);
        configuration.setEnforceSpecificVariablePermission(true);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        // Values, not behaviour: Camunda's own validator always admits the whole of java.lang, where
        // java.lang.ProcessBuilder lives; this one admits named value classes and java.time only.
        configuration.setDeserializationTypeValidator(className -> VALUE_CLASSES.contains(className)
                || className.startsWith("java.time.") && !className.substring("java.time.".length()).contains("."));
    }

    /**
     * Definitions deployed before the grants per role and process existed get them now, so their
     * open and future tasks stay visible to their candidate groups without rows per task.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!configuration.isAuthorizationEnabled()) {
            return;
        }
        List<String> definitions = engine.getRepositoryService().createProcessDefinitionQuery().list().stream()
                .map(ProcessDefinition::getId).toList();
        int granted = 0;
        for (String id : definitions) {
            granted += configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
                ProcessDefinitionEntity definition = configuration.getDeploymentCache().findDeployedProcessDefinitionById(id);
                List<AuthorizationEntity> grants = taskGrants.grantsFor(definition);
                for (AuthorizationEntity grant : grants) {
                    if (grant.getId() == null) {
                        context.getAuthorizationManager().insert(grant);
                    } else {
                        context.getAuthorizationManager().update(grant);
                    }
                }
                return grants.size();
            }));
        }
        LOG.info("Task grants per role and process: {} definitions checked, {} grants added", definitions.size(), granted);
    }

    @Override
    public String toString() {
        return "lending engine controls";
    }
}
