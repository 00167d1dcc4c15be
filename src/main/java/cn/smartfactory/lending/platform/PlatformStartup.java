package cn.smartfactory.lending.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.identity.AccountsAtStart;
import cn.smartfactory.lending.identity.DemoUsers;
import cn.smartfactory.lending.identity.IdentitySetup;
import cn.smartfactory.lending.identity.TasklistFilters;

/**
 * Start-up steps in their order — deploy processes, tables and forms; create role groups and
 * grants and the Tasklist inboxes; in the demo profile, the demo staff; the first administrator from
 * the environment (or a refusal to start); in the demo profile, on the first start, sample
 * applications. Runs once all beans exist and before the web server
 * takes requests, so nobody ever sees a half-set-up platform.
 */
@Component
class PlatformStartup implements SmartInitializingSingleton {

    private final ProcessResourceDeployer deployer;
    private final IdentitySetup identitySetup;
    private final TasklistFilters tasklistFilters;
    private final ObjectProvider<DemoUsers> demoUsers;
    private final ObjectProvider<DemoSeed> demoSeeds;
    private final AccountsAtStart accounts;

    PlatformStartup(ProcessResourceDeployer deployer, IdentitySetup identitySetup, TasklistFilters tasklistFilters,
                    ObjectProvider<DemoUsers> demoUsers, ObjectProvider<DemoSeed> demoSeeds, AccountsAtStart accounts) {
        this.deployer = deployer;
        this.identitySetup = identitySetup;
        this.tasklistFilters = tasklistFilters;
        this.demoUsers = demoUsers;
        this.demoSeeds = demoSeeds;
        this.accounts = accounts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deployer.deployOnStart();
        identitySetup.setUp();
        tasklistFilters.createMissing();
        demoUsers.ifAvailable(DemoUsers::createMissing);
        accounts.check();
        demoSeeds.orderedStream().sorted(java.util.Comparator.comparingInt(DemoSeed::order)).forEach(DemoSeed::seedOnce);
    }
}
