package org.kglab.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * Where the service keeps what is not in a database: original files and the embedded graph.
 *
 * @param dataDir root of all on-disk state ({@code KGLAB_DATA_DIR})
 */
@ConfigurationProperties("kglab.storage")
public record StorageProperties(@Bindable(defaultValue = "data") Path dataDir) {

    /** A relative directory is taken from the working directory once, here: Neo4j accepts only absolute paths. */
    public StorageProperties {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path files() {
        return dataDir.resolve("files");
    }

    /** Uploads land here first, so that a half-received file never sits among real ones. */
    public Path staging() {
        return dataDir.resolve("staging");
    }

    public Path graph() {
        return dataDir.resolve("neo4j");
    }

    /** The only directory {@code LOAD CSV} may name; kept empty, and file URLs are refused anyway. */
    public Path graphImport() {
        return graph().resolve("import");
    }

    /** The generated password of the embedded Neo4j, when none is configured. */
    public Path neo4jPassword() {
        return dataDir.resolve("neo4j-password");
    }
}
