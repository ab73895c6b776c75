package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.documents.DocumentService;
import org.kglab.documents.ExtractedText;
import org.kglab.documents.PipelineDocument;
import org.kglab.jobs.JobKind;
import org.kglab.jobs.Progress;
import org.kglab.jobs.Stage;

/**
 * Reads the text of the document's file (in a bounded extraction process) and stores it with the document and its
 * detected language.
 */
@Singleton
final class ExtractionStep implements PipelineStep {

    private final TikaExtractor extractor;
    private final DocumentService documents;
    private final LanguageDetector languages;

    ExtractionStep(TikaExtractor extractor, DocumentService documents, LanguageDetector languages) {
        this.extractor = extractor;
        this.documents = documents;
        this.languages = languages;
    }

    @Override
    public Stage stage() {
        return Stage.EXTRACTING;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void run(PipelineContext context, Progress progress) {
        PipelineDocument document = context.document();
        String fileName = document.fileName() == null ? document.document().title() : document.fileName();
        // The process's progress shows here only as the share of the file it has read: up to 80% of the stage.
        // Its end is the next tenth, and storing the text the last.
        Extraction extraction = extractor.extract(document.file(), fileName,
                tenths -> progress.advance(tenths * 8L, 100));
        progress.advance(9, 10);
        var text = new ExtractedText(title(context, fileName, extraction.title()), extraction.mediaType(), extraction.text(),
                extraction.truncated(), extraction.textless(), TikaExtractor.NAME,
                languages.detect(extraction.text()));
        documents.recordExtraction(document.id(), text);
        context.extracted(text);
        context.structured(extraction.structured());
        progress.advance(10, 10);
    }

    /**
     * The title a fetched source gave (a page's metadata, a feed item's title) was set when the document was
     * accepted, and beats anything the extractor finds; otherwise the document still has its file name as title.
     */
    private static String title(PipelineContext context, String fileName, String extracted) {
        JobKind kind = context.job().kind();
        String current = context.document().document().title();
        boolean fetched = kind == JobKind.URL || kind == JobKind.FEED_ITEM;
        return fetched && !current.isBlank() && !current.equals(fileName) ? current : extracted;
    }
}
