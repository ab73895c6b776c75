package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.documents.ExtractedText;
import org.kglab.duplicates.NearDuplicates;
import org.kglab.identity.access.UserId;
import org.kglab.jobs.Progress;
import org.kglab.jobs.Stage;

/**
 * Links the document to the owner's documents whose text nearly repeats its own ({@link NearDuplicates#record}),
 * as part of putting it in its place among them, just before it is announced. Recording again replaces what an
 * earlier attempt recorded.
 */
@Singleton
final class NearDuplicateStep implements PipelineStep {

    private final NearDuplicates nearDuplicates;

    NearDuplicateStep(NearDuplicates nearDuplicates) {
        this.nearDuplicates = nearDuplicates;
    }

    @Override
    public Stage stage() {
        return Stage.PROJECTING;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void run(PipelineContext context, Progress progress) {
        ExtractedText text = context.extracted();
        if (text == null) {
            throw new IllegalStateException("Near-duplicates are found after extraction, which left no text");
        }
        nearDuplicates.record(context.document().id(), new UserId(context.document().document().ownerId()),
                text.text());
    }
}
