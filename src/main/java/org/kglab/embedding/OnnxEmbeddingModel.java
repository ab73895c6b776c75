package org.kglab.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * BGE-small-en-v1.5 (quantised to int8, 384 dimensions, a 512-token window), run in-process by onnxruntime
 * from the model file inside its jar: no key, no network. The model is loaded on first use, once per JVM
 * (about 2 s and 380 MB of native memory), and shared by every application context of the process.
 */
@Singleton
@Requires(property = "kglab.embedding.provider", value = "onnx", defaultValue = "onnx")
final class OnnxEmbeddingModel implements EmbeddingModel {

    static final String ID = "bge-small-en-v1.5-q";
    static final int DIMENSION = 384;
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        try {
            List<Embedding> embeddings = Loaded.MODEL.embedAll(texts.stream().map(TextSegment::from).toList())
                    .content();
            return embeddings.stream().map(Embedding::vector).toList();
        } catch (RuntimeException e) {
            throw new EmbeddingFailed("The embedding model failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int countTokens(String text) {
        return Tokenizer.INSTANCE.encode(text, false, false).getIds().length;
    }

    /** Loaded when first used, by the JVM's class initialisation: exactly once, and safely across threads. */
    private static final class Loaded {
        /** Spreads a batch over the cores; daemon threads, as the model lives as long as the JVM. */
        private static final ExecutorService THREADS = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().name("embedding-", 0).daemon(true).factory());
        static final BgeSmallEnV15QuantizedEmbeddingModel MODEL = new BgeSmallEnV15QuantizedEmbeddingModel(THREADS);
    }

    /** The model's own WordPiece tokenizer, without the ONNX model: cheap to load. */
    private static final class Tokenizer {
        static final HuggingFaceTokenizer INSTANCE = load();

        private static HuggingFaceTokenizer load() {
            try (InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader()
                    .getResourceAsStream(TOKENIZER)) {
                if (in == null) {
                    throw new IllegalStateException("The tokenizer " + TOKENIZER + " is missing from the classpath");
                }
                return HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "false", "padding", "false"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
