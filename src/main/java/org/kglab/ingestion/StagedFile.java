package org.kglab.ingestion;

import java.nio.file.Path;

/** An upload received in full: where it waits, how big it is, and its hex SHA-256. */
record StagedFile(Path path, long sizeBytes, String sha256) {
}
