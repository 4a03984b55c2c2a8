package vn.tcxd.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one DataSource: an external PostgreSQL when {@code tcxd.db.url} is set,
 * otherwise the embedded server managed by {@link EmbeddedPostgresServer}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /**
     * Web requests run on virtual threads, so the pool, not a thread pool, bounds how many talk to PostgreSQL at
     * once. 20 connections (PostgreSQL allows 100) and a 10 s wait: under load a request waits its turn
     * briefly, and a login that still gets no connection is told the system is busy, not that its password is
     * wrong. Background work takes only a few of them ({@link BoundedBackgroundWork}).
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, @Value("${tcxd.db.pool-size:20}") int poolSize,
                                @Value("${tcxd.db.connection-timeout-ms:10000}") long connectionTimeoutMs) {
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
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setConnectionTimeout(connectionTimeoutMs);
        dataSource.setPoolName("tcxd");
        return dataSource;
    }
}
