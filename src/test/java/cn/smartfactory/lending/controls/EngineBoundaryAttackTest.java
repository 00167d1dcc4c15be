package cn.smartfactory.lending.controls;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import cn.smartfactory.lending.monitoring.LoanMonitoring;
import cn.smartfactory.lending.monitoring.LoanRegister;

/** The attacks of {@link BoundaryAttacks} on the platform as shipped (H2, demo staff). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineBoundaryAttackTest extends BoundaryAttackCases {

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private LoanMonitoring monitoring;
    @Autowired
    private LoanRegister register;

    @Override
    BoundaryAttacks attacks() {
        return new BoundaryAttacks(rest, engine, monitoring, register);
    }
}
