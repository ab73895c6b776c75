package org.kglab.platform;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

import java.util.concurrent.TimeUnit;

/** One driver, whichever server it talks to: queries never know whether Neo4j is embedded. */
@Factory
final class Neo4jDriverFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Driver driver(Neo4jProperties properties, BeanProvider<EmbeddedNeo4j> embedded) {
        var config = Config.builder()
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(10, TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(5, TimeUnit.SECONDS)
                .withLogging(Logging.slf4j())
                .build();
        if (properties.embedded()) {
            var neo4j = embedded.get();
            var account = neo4j.credentials();
            return GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(account.user(), account.password()), config);
        }
        String password = properties.password() == null ? "" : properties.password();
        return GraphDatabase.driver(properties.uri(), AuthTokens.basic(properties.user(), password), config);
    }
}
