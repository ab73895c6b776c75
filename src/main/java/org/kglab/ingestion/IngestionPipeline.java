package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.documents.DocumentId;
import org.kglab.documents.DocumentService;
import org.kglab.jobs.Job;
import org.kglab.jobs.JobKind;
import org.kglab.jobs.JobWork;
import org.kglab.jobs.Progress;
import org.kglab.jobs.Stage;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The work of an ingestion job: every {@link PipelineStep} in order on the job's document, which becomes READY
 * (and is announced to the graph) in the transaction that marks the job SUCCEEDED, or FAILED with the reason
 * in the one that gives it up.
 */
@Singleton
final class IngestionPipeline implements JobWork {

    /** Recorded in each document's provenance; raised when the steps change what a document ends up as. */
    static final String VERSION = "1";

    private final List<PipelineStep> steps;
    private final DocumentService documents;

    IngestionPipeline(List<PipelineStep> steps, DocumentService documents) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(PipelineStep::order)).toList();
        this.documents = documents;
    }

    @Override
    public Set<JobKind> kinds() {
        return EnumSet.of(JobKind.UPLOAD, JobKind.URL, JobKind.FEED_ITEM);
    }

    @Override
    public void run(Job job, Progress progress) {
        var context = new PipelineContext(job, documents.forPipeline(documentOf(job)));
        for (PipelineStep step : steps) {
            progress.stage(step.stage());
            step.run(context, progress);
        }
        progress.stage(Stage.PROJECTING);
    }

    @Override
    public void succeeded(Job job) {
        documents.markReady(documentOf(job));
    }

    @Override
    public void gaveUp(Job job, String reason) {
        if (job.documentId() != null) {
            documents.markFailed(new DocumentId(job.documentId()), reason);
        }
    }

    @Override
    public void requeued(Job job) {
        documents.markProcessing(documentOf(job));
    }

    private static DocumentId documentOf(Job job) {
        if (job.documentId() == null) {
            throw new DocumentGone();
        }
        return new DocumentId(job.documentId());
    }
}
