package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.kglab.documents.DocumentService;
import org.kglab.documents.ExtractedText;
import org.kglab.documents.PipelineDocument;
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
        // One call into the extraction process: its progress is not visible from here, only its end.
        Extraction extraction = extractor.extract(document.file(), fileName);
        progress.advance(9, 10);
        var text = new ExtractedText(extraction.title(), extraction.mediaType(), extraction.text(),
                extraction.truncated(), extraction.textless(), TikaExtractor.NAME, languages.detect(extraction.text()));
        documents.recordExtraction(document.id(), text);
        context.extracted(text);
        context.structured(extraction.structured());
        progress.advance(10, 10);
    }
}
