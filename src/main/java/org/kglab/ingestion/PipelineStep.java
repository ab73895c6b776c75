package org.kglab.ingestion;

import org.kglab.jobs.Progress;
import org.kglab.jobs.Stage;

/**
 * One step of ingestion, run by {@link IngestionPipeline} for every job in {@link #order()}: extraction (100),
 * then chunking (200), embedding (300) and whatever else is added as a bean. A step reports its progress as it
 * goes, and must be safe to run again from the start: an attempt cut off by a crash or a failure is repeated
 * whole. Failures that retrying cannot fix are {@link org.kglab.platform.Failure}s of an unprocessable kind.
 */
public interface PipelineStep {

    Stage stage();

    int order();

    void run(PipelineContext context, Progress progress);
}
