package org.kglab.embedding;

import java.util.List;

/**
 * Turns texts into vectors of one space. Two adapters: the in-process ONNX model (the default) and an
 * OpenAI-compatible HTTP service ({@code kglab.embedding.provider}).
 */
public interface EmbeddingModel {

    /** Names the vector space: vectors of different ids are never compared. */
    String id();

    int dimension();

    /**
     * One vector of {@link #dimension()} per text, in order. Texts longer than the model's window are read
     * only up to it or averaged over windows, depending on the model; chunks are cut to fit.
     *
     * @throws EmbeddingFailed when the model cannot be reached or answers nonsense
     */
    List<float[]> embed(List<String> texts);

    /** The model's own count of tokens in a text, or an estimate where it has no tokenizer here. */
    int countTokens(String text);
}
