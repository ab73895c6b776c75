/**
 * Entity linking: finds the entities a document's chunks mention, and how they relate, for the knowledge graph.
 * The {@link org.kglab.linking.EntityExtractor} port has two adapters: Apache OpenNLP in-process (the default, no
 * network) and an OpenAI-compatible chat-completions service ({@code kglab.linking.llm.*}, off by default). Named
 * after the ingestion stage that will run it (LINKING); {@code extraction} is already the name of text extraction.
 */
@NullMarked
package org.kglab.linking;

import org.jspecify.annotations.NullMarked;
