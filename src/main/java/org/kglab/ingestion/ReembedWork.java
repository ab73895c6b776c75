package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.chunks.ChunkProgress;
import org.kglab.chunks.ChunkService;
import org.kglab.documents.DocumentId;
import org.kglab.documents.DocumentNotFound;
import org.kglab.documents.DocumentService;
import org.kglab.documents.ExtractedText;
import org.kglab.documents.PipelineDocument;
import org.kglab.jobs.Job;
import org.kglab.jobs.JobKind;
import org.kglab.jobs.JobWork;
import org.kglab.jobs.Progress;
import org.kglab.jobs.Stage;
import org.kglab.platform.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The work of a re-embedding job: one pass, in id order, over the documents whose chunks are not all in the
 * configured model's space, each read again from its file, cut into chunks and embedded by the model now
 * configured ({@link ChunkService#replaceChunks}, which also replaces them in the graph). A document that is
 * done leaves the list, so an attempt after a crash goes on with those still waiting. A deleted document is
 * skipped; one whose file cannot be read again is passed over, and the job ends DEAD naming how many were.
 */
@Singleton
final class ReembedWork implements JobWork {

    private static final Logger LOG = LoggerFactory.getLogger(ReembedWork.class);
    private static final int BATCH = 100;
    /** Failures that belong to one document's file: the pass goes on without it. */
    private static final Set<Failure.Kind> OF_THE_FILE = EnumSet.of(Failure.Kind.UNPROCESSABLE,
            Failure.Kind.UNSUPPORTED_MEDIA_TYPE, Failure.Kind.PAYLOAD_TOO_LARGE);

    private final ChunkService chunks;
    private final DocumentService documents;
    private final TikaExtractor extractor;
    private final LanguageDetector languages;

    ReembedWork(ChunkService chunks, DocumentService documents, TikaExtractor extractor, LanguageDetector languages) {
        this.chunks = chunks;
        this.documents = documents;
        this.extractor = extractor;
        this.languages = languages;
    }

    @Override
    public Set<JobKind> kinds() {
        return EnumSet.of(JobKind.REEMBED);
    }

    @Override
    public boolean singleStage() {
        return true;
    }

    @Override
    public void run(Job job, Progress progress) {
        progress.stage(Stage.EMBEDDING);
        long total = chunks.countToReembed();
        long done = 0;
        List<DocumentId> passedOver = new ArrayList<>();
        @Nullable DocumentId after = null;
        for (List<DocumentId> batch = chunks.documentsToReembed(null, BATCH); !batch.isEmpty();
             batch = chunks.documentsToReembed(after, BATCH)) {
            for (DocumentId id : batch) {
                if (!reembed(id)) {
                    passedOver.add(id);
                }
                done++;
                // Documents ingested or deleted meanwhile change the count: the total is never below what is done.
                progress.advance(done, Math.max(total, done));
            }
            after = batch.getLast();
        }
        if (!passedOver.isEmpty()) {
            throw new ReembeddingIncomplete(passedOver, done);
        }
    }

    /** False when the document's file could not be read again; true when done, or when the document is gone. */
    private boolean reembed(DocumentId id) {
        try {
            PipelineDocument document = documents.forPipeline(id);
            String fileName = document.fileName() == null ? document.document().title() : document.fileName();
            Extraction extraction = extractor.extract(document.file(), fileName, tenths -> { });
            // The chunks' offsets point into the stored text: it is stored again as it was read this time.
            documents.recordExtraction(id, new ExtractedText(document.document().title(),
                    document.document().mediaType(), extraction.text(), extraction.truncated(),
                    extraction.textless(), TikaExtractor.NAME, languages.detect(extraction.text())));
            chunks.replaceChunks(id, extraction.structured(), ChunkProgress.NONE);
            return true;
        } catch (DocumentNotFound e) {
            LOG.debug("Document {} was deleted before it was re-embedded", id);
            return true;
        } catch (UncheckedIOException e) {
            LOG.warn("The file of document {} could not be read to re-embed it", id, e);
            return false;
        } catch (Failure e) {
            if (!OF_THE_FILE.contains(e.kind())) {
                throw e;
            }
            LOG.warn("Document {} could not be re-embedded: {}", id, e.getMessage());
            return false;
        }
    }

    @Override
    public void succeeded(Job job) {
        // The documents were done one by one as the job went.
    }

    @Override
    public void gaveUp(Job job, String reason) {
        // What was re-embedded stays; what was not is still counted as waiting.
    }

    @Override
    public void requeued(Job job) {
        // A new pass starts from the documents still waiting.
    }
}
