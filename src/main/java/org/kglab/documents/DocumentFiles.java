package org.kglab.documents;

import jakarta.inject.Singleton;
import org.kglab.platform.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Original files, one per document, under {@code <data>/files/<first two id chars>/<id>}. */
@Singleton
final class DocumentFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentFiles.class);

    private final Path root;

    DocumentFiles(StorageProperties storage) {
        this.root = storage.files();
    }

    /** Moves a fully received file into place; a rename, so that the file is there whole or not at all. */
    void adopt(DocumentId id, Path staged) {
        Path target = pathOf(id);
        try {
            Files.createDirectories(target.getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the file of document " + id, e);
        }
    }

    /** Deletes the file if it is there. A failure is logged, never thrown: the row is what counts. */
    void delete(DocumentId id) {
        try {
            Files.deleteIfExists(pathOf(id));
        } catch (IOException e) {
            LOG.warn("Could not delete the file of document {}: {}", id, e.getMessage());
        }
    }

    boolean exists(DocumentId id) {
        return Files.exists(pathOf(id));
    }

    Path pathOf(DocumentId id) {
        String name = id.toString();
        return root.resolve(name.substring(0, 2)).resolve(name);
    }
}
