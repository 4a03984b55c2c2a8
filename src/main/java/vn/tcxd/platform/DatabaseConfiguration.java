package vn.tcxd.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one DataSource: an external PostgreSQL when {@code tcxd.db.url} is set,
 * otherwise the embedded server managed by {@link EmbeddedPostgresServer}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        if (properties.external()) {
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.user());
            dataSource.setPassword(properties.password());
        } else {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties);
            dataSource.setJdbcUrl(server.jdbcUrl());
            dataSource.setUsername("postgres");
        }
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("tcxd");
        return dataSource;
    }
}
