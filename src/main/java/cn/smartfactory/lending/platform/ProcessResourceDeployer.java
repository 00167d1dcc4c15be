package cn.smartfactory.lending.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys everything under {@code processes/} (BPMN, DMN) and {@code forms/} (Camunda Forms) at
 * start-up, explicitly, because the starter's automatic deployment does not pick up {@code .form}
 * files. They are deployed together as one release: when any file changed, every file is deployed
 * again in one new deployment, so a loan's forms and tables are those deployed with its process
 * ({@code formRefBinding="deployment"}, {@code decision.DecisionBinding}) and a change never reaches
 * a loan already in flight. An unchanged release is not deployed again.
 */
@Component
public class ProcessResourceDeployer {

    public static final String DEPLOYMENT_NAME = "lending-platform";
    static final List<String> PATTERNS = List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
            "classpath*:forms/*.form");

    private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceDeployer.class);

    private final RepositoryService repositoryService;

    public ProcessResourceDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    public void deployOnStart() {
        deploy(scan());
    }

    /**
     * Deploys the given resources under their file names ({@code processes/loan-origination.bpmn});
     * returns the deployment: every resource when any changed, none when nothing did.
     */
    public DeploymentWithDefinitions deploy(List<Resource> resources) {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(resourceName(resource), in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        LOG.info("Deployment '{}': {} resources offered, {} process and {} decision definitions (new versions only)",
                DEPLOYMENT_NAME, resources.size(), size(deployment.getDeployedProcessDefinitions()),
                size(deployment.getDeployedDecisionDefinitions()));
        return deployment;
    }

    /** The shipped resources, in a stable order. */
    public static List<Resource> scan() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>();
        try {
            for (String pattern : PATTERNS) {
                resources.addAll(List.of(resolver.getResources(pattern)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan processes/ and forms/", e);
        }
        resources.sort(Comparator.comparing(ProcessResourceDeployer::resourceName));
        return resources;
    }

    static String resourceName(Resource resource) {
        String file = resource.getFilename();
        return (file != null && file.endsWith(".form") ? "forms/" : "processes/") + file;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
