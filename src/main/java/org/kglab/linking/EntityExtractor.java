package org.kglab.linking;

/**
 * Finds candidate entities in a document's chunks, where each is mentioned, and how they relate. Pure: it reads
 * no store and writes none; what it finds is candidates for the graph, deduplicated within the document only.
 */
public interface EntityExtractor {

    /** Names the extractor and its models, for the provenance of what it found. */
    String id();

    /**
     * @throws ExtractionFailed when a service the extractor depends on fails or answers nonsense
     */
    Extraction extract(ExtractionRequest request);
}
