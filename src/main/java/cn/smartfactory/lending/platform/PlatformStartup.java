package cn.smartfactory.lending.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.identity.DemoUsers;
import cn.smartfactory.lending.identity.IdentitySetup;
import cn.smartfactory.lending.identity.TasklistFilters;

/**
 * Start-up steps in their order — deploy processes, tables and forms; create role groups and
 * grants and the Tasklist inboxes; in the demo profile, the demo staff. Runs once all beans exist and before the web server
 * takes requests, so nobody ever sees a half-set-up platform.
 */
@Component
class PlatformStartup implements SmartInitializingSingleton {

    private final ProcessResourceDeployer deployer;
    private final IdentitySetup identitySetup;
    private final TasklistFilters tasklistFilters;
    private final ObjectProvider<DemoUsers> demoUsers;

    PlatformStartup(ProcessResourceDeployer deployer, IdentitySetup identitySetup, TasklistFilters tasklistFilters,
                    ObjectProvider<DemoUsers> demoUsers) {
        this.deployer = deployer;
        this.identitySetup = identitySetup;
        this.tasklistFilters = tasklistFilters;
        this.demoUsers = demoUsers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deployer.deployOnStart();
        identitySetup.setUp();
        tasklistFilters.createMissing();
        demoUsers.ifAvailable(DemoUsers::createMissing);
    }
}
