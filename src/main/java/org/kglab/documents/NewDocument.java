package org.kglab.documents;

import java.nio.file.Path;

/**
 * Everything needed to store a document: the extracted content and the original file, already
 * received in full and checked, waiting in the staging area.
 */
public record NewDocument(String title, String mediaType, long sizeBytes, String sha256, String text,
                          boolean truncated, boolean textless, Visibility visibility, Path stagedFile) {
}
