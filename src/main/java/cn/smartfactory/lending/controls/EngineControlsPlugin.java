package cn.smartfactory.lending.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Installs the platform's controls in the engine: the deployment allowlist (diagrams and tables
 * run code); the boundary guard as the first command interceptor; candidates and assignees get TASK_WORK on their tasks (claim and complete), never
 * UPDATE (which would let them write variables and change the task); reading and writing variables
 * needs the specific variable permissions; Java-serialized values are refused and deserializing
 * any object is checked against an allowlist.
 */
public class EngineControlsPlugin extends AbstractProcessEnginePlugin {

    /** The classes an object variable may be deserialized into. */
    static final Set<String> VALUE_CLASSES = Set.of("java.lang.Object", "java.lang.String", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Byte", "java.lang.Float", "java.lang.Integer",
            "java.lang.Long", "java.lang.Double", "java.lang.Short", "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.ArrayList", "java.util.LinkedHashMap", "java.util.HashMap");

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
        configuration.setEnforceSpecificVariablePermission(true);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        // Values, not behaviour: Camunda's own validator always admits the whole of java.lang, where
        // java.lang.ProcessBuilder lives; this one admits named value classes and java.time only.
        configuration.setDeserializationTypeValidator(className -> VALUE_CLASSES.contains(className)
                || className.startsWith("java.time.") && !className.substring("java.time.".length()).contains("."));
    }

    @Override
    public String toString() {
        return "lending engine controls";
    }
}
