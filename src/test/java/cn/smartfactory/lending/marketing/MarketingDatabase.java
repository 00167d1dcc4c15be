package cn.smartfactory.lending.marketing;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The platform's own tables in a fresh in-memory H2 database, made by the real migrations, for tests
 * of the marketing station without Spring (the process tests).
 */
final class MarketingDatabase {

    final DataSource dataSource;
    final JdbcClient jdbc;
    final JdbcTemplate template;

    private MarketingDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
    }

    static MarketingDatabase fresh(String name) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        ResourceDatabasePopulator migrations = new ResourceDatabasePopulator(
                new ClassPathResource("db/migration/V1__loan_register.sql"),
                new ClassPathResource("db/migration/V2__loan_events.sql"),
                new ClassPathResource("db/migration/V9__marketing.sql"));
        migrations.execute(dataSource);
        return new MarketingDatabase(dataSource);
    }
}
