package org.kglab.ingestion;

import org.jspecify.annotations.Nullable;
import org.kglab.documents.Document;
import org.kglab.jobs.Job;

/**
 * An upload taken in: its document (PROCESSING) and the job that ingests it; or, for bytes the owner has
 * uploaded before, their existing document and no job.
 */
public record UploadAccepted(Document document, @Nullable Job job, boolean duplicate) {
}
