package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.chunks.ChunkProgress;
import org.kglab.chunks.ChunkService;
import org.kglab.chunks.StructuredText;
import org.kglab.jobs.Progress;
import org.kglab.jobs.Stage;

/**
 * Cuts the extracted text into chunks, embeds them and stores them in place of the document's old ones
 * ({@link ChunkService#replaceChunks}): the {@code CHUNKING} stage, then {@code EMBEDDING}. Running it again
 * replaces the chunks again, so a repeated attempt leaves one set.
 */
@Singleton
final class ChunkingStep implements PipelineStep {

    private static final int STEPS = 1_000;

    private final ChunkService chunks;

    ChunkingStep(ChunkService chunks) {
        this.chunks = chunks;
    }

    @Override
    public Stage stage() {
        return Stage.CHUNKING;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void run(PipelineContext context, Progress progress) {
        StructuredText text = context.structured();
        if (text == null) {
            throw new IllegalStateException("Chunking runs after extraction, which left no text");
        }
        chunks.replaceChunks(context.document().id(), text, new StageProgress(progress));
    }

    /** Maps the chunk service's steps onto the job's stages: chunking, then embedding (and storing, its end). */
    private static final class StageProgress implements ChunkProgress {

        private final Progress progress;
        private boolean embedding;

        StageProgress(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void report(Step step, double fraction) {
            if (step != Step.CHUNKING && !embedding) {
                embedding = true;
                progress.stage(Stage.EMBEDDING);
            }
            // Storing is the end of the embedding stage: the last tenth of it.
            double share = switch (step) {
                case CHUNKING -> fraction;
                case EMBEDDING -> fraction * 0.9;
                case STORING -> 0.9 + fraction * 0.1;
            };
            progress.advance(Math.round(share * STEPS), STEPS);
        }
    }
}
