package org.kglab.ingestion;

import org.jspecify.annotations.Nullable;
import org.kglab.chunks.StructuredText;
import org.kglab.documents.ExtractedText;
import org.kglab.documents.PipelineDocument;
import org.kglab.jobs.Job;

/**
 * What the steps of one attempt share: the job, the document with its file, and the text once a step has
 * extracted it (with its structure), so that later steps need not read it back.
 */
public final class PipelineContext {

    private final Job job;
    private final PipelineDocument document;
    private @Nullable ExtractedText extracted;
    private @Nullable StructuredText structured;

    PipelineContext(Job job, PipelineDocument document) {
        this.job = job;
        this.document = document;
    }

    public Job job() {
        return job;
    }

    public PipelineDocument document() {
        return document;
    }

    public @Nullable ExtractedText extracted() {
        return extracted;
    }

    public void extracted(ExtractedText text) {
        this.extracted = text;
    }

    /** The extracted text with its headings and page starts, once a step has read it. */
    public @Nullable StructuredText structured() {
        return structured;
    }

    public void structured(StructuredText text) {
        this.structured = text;
    }
}
