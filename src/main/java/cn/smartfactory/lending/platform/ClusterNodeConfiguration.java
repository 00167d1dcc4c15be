package cn.smartfactory.lending.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A node's name in a cluster (several platform nodes on one database, docs/cluster.md): with
 * {@code lending.node-name} set, the job log records which node ran each job and the job table
 * shows which node holds a lock, instead of Camunda's default address and random lock owner. The
 * name must differ between nodes. Unset, Camunda's defaults stay.
 */
@Configuration(proxyBeanMethods = false)
class ClusterNodeConfiguration {

    @Bean
    ProcessEnginePlugin clusterNodeNamePlugin(@Value("${lending.node-name:}") String nodeName) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                if (nodeName.isBlank()) {
                    return;
                }
                configuration.setHostname(nodeName);
                if (configuration.getJobExecutor() != null) {
                    configuration.getJobExecutor().setLockOwner(nodeName);
                }
            }
        };
    }
}
