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
}
