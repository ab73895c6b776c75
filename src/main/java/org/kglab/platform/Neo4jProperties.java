package org.kglab.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.jspecify.annotations.Nullable;

/**
 * How to reach Neo4j. With no {@code uri} the service runs Neo4j in-process and connects to it
 * over Bolt on loopback, with a password, so that there is one query path either way.
 *
 * @param uri              external server ({@code KGLAB_NEO4J_URI}); empty means embedded
 * @param user             user for the external server, or of the embedded one
 * @param password         password for the external server, or of the embedded one (where unset means
 *                         generated once and kept in the data directory); never defaulted
 * @param embeddedBoltPort loopback Bolt port of the embedded server; 0 picks a free one
 */
@ConfigurationProperties("kglab.neo4j")
public record Neo4jProperties(
        @Nullable String uri,
        @Bindable(defaultValue = "neo4j") String user,
        @Nullable String password,
        @Bindable(defaultValue = "7687") int embeddedBoltPort) {

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
