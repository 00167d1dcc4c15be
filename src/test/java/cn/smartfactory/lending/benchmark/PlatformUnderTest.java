package cn.smartfactory.lending.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

import cn.smartfactory.lending.LendingPlatformApplication;

/**
 * The platform as it ships (Spring Boot, authorization on, history full, real delegates), started
 * inside a benchmark with its DataSource wrapped by a {@link StatementCounter}. Runs with the test
 * classpath, so the demo profile's staff and sample loans are present.
 */
final class PlatformUnderTest implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final ProcessEngine engine;
    final HikariDataSource pool;

    private PlatformUnderTest(ConfigurableApplicationContext context, HikariDataSource pool) {
        this.context = context;
        this.engine = context.getBean(ProcessEngine.class);
        this.pool = pool;
    }

    /**
     * @param jdbcUrl  H2 or PostgreSQL; the postgres profile is used for the latter
     * @param extra    further --property=value arguments
     */
    static PlatformUnderTest start(String jdbcUrl, String user, StatementCounter counter, String... extra) {
        return start(jdbcUrl, user, counter, Map.of(), extra);
    }

    /**
     * @param beans        beans to swap for others by name, e.g. the line's delegates for no-op ones
     *                     to measure the platform's configuration without its business work
     */
    static PlatformUnderTest start(String jdbcUrl, String user, StatementCounter counter, Map<Object, Object> beans,
                                   String... extra) {
        Map<Object, Object> replacements = new java.util.HashMap<>(beans);
        if ("off".equals(System.getProperty("perf.controls", "on"))) {
            // -Dperf.jvm=-Dperf.controls=off measures the line without the engine-boundary controls (docs/performance.md)
            replacements.put("engineControlsPlugin", new org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin() {
            });
        }
        HikariDataSource[] pool = new HikariDataSource[1];
        BeanPostProcessor wrapper = new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari && name.equals("dataSource")) {
                    pool[0] = hikari;
                    return counter.wrap(hikari);
                }
                return replacements.getOrDefault(name, bean);
            }
        };
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--server.port=0", "--logging.level.root=WARN",
                // Without the demo profile the platform starts only with its first administrator.
                "--lending.admin.id=benchadmin", "--lending.admin.password=benchmark-admin-password"));
        args.addAll(List.of(extra));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(LendingPlatformApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(wrapper));
        if (jdbcUrl.startsWith("jdbc:postgresql")) {
            builder.profiles("postgres");
        }
        return new PlatformUnderTest(builder.run(args.toArray(String[]::new)), pool[0]);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
