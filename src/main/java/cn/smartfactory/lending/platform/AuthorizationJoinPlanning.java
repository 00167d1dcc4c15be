package cn.smartfactory.lending.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGStatement;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, queries that join the authorization table (Tasklist's and Cockpit's lists and
 * counts with authorization checks) are always planned with their parameter values; every other
 * statement keeps PostgreSQL's plan cache.
 *
 * <p>Why: after five uses on a connection the JDBC driver prepares a statement on the server, and
 * PostgreSQL may then reuse a generic plan that ignores the values. Camunda's authorization join
 * filters on {@code PERMS_ & ? = ?}, which a generic plan assumes matches 0.5% of the rows, when
 * the engine's one authorization per candidate group and open task makes it nearly all: counting an
 * inbox of 16,700 tasks among 100,000 took 13 s on the generic plan and 0.13 s on a custom one.
 * Forcing custom plans for every statement instead (plan_cache_mode) cost the bare engine's run of
 * the origination line 24-30% of its throughput (docs/performance.md, two runs).
 */
@Component
class AuthorizationJoinPlanning implements BeanPostProcessor {

    /** The sub-select Camunda joins for authorization checks in list and count queries. */
    static final Pattern AUTHORIZATION_JOIN = Pattern.compile(
            "(?is)\\bjoin\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+\\S*ACT_RU_AUTHORIZATION\\s+A\\b");

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && isPostgres(dataSource) ? wrap(dataSource) : bean;
    }

    /** The platform's pool, possibly already wrapped (as benchmarks do), pointed at PostgreSQL. */
    private static boolean isPostgres(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    && String.valueOf(dataSource.unwrap(HikariDataSource.class).getJdbcUrl()).startsWith("jdbc:postgresql:");
        } catch (SQLException e) {
            return false;
        }
    }

    static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(AuthorizationJoinPlanning.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(AuthorizationJoinPlanning.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
                            && AUTHORIZATION_JOIN.matcher((String) args[0]).find()) {
                        planWithValues(statement);
                    }
                    return result;
                });
    }

    /** Threshold 0: the driver never prepares the statement on the server, so each run is planned afresh. */
    private static void planWithValues(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
