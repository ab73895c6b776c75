package org.kglab.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StoragePropertiesTest {

    @Test
    void resolvesARelativeDataDirectoryAgainstTheWorkingDirectory() {
        var storage = new StorageProperties(Path.of("data/./here"));

        assertThat(storage.dataDir()).isAbsolute().isEqualTo(Path.of("").toAbsolutePath().resolve("data/here"));
        assertThat(storage.graph()).isAbsolute();
        assertThat(storage.graphImport()).isAbsolute().startsWithRaw(storage.graph());
        assertThat(storage.neo4jPassword()).isEqualTo(storage.dataDir().resolve("neo4j-password"));
    }
}
