package org.kglab.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Throughput of the default embedding model (BGE-small-en-v1.5, quantised, onnxruntime) as the service runs it:
 * one call per batch, the batch spread over the cores. Prints the load time, then texts per second for short
 * texts and for chunk-sized ones (about 256 tokens, the default chunk) at several batch sizes.
 *
 * <pre>bench/run-embedding-throughput.sh [seconds per measurement = 10]</pre>
 */
public final class EmbeddingThroughput {

    private static final String SENTENCE = "Knowledge graphs link the entities of research papers, and each "
            + "passage is embedded so that similar passages can be found again. ";

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService threads = Executors.newFixedThreadPool(cores,
                Thread.ofPlatform().daemon(true).factory());
        long loading = System.nanoTime();
        var model = new BgeSmallEnV15QuantizedEmbeddingModel(threads);
        model.embed("warm up");
        System.out.printf(Locale.ROOT, "model loaded and first text embedded in %.0f ms (%d cores)%n",
                (System.nanoTime() - loading) / 1e6, cores);

        String shortText = "Entities link documents.";
        String chunk = SENTENCE.repeat(9).strip();
        for (String[] kind : new String[][]{{"short (~6 tokens)", shortText}, {"chunk (~230 tokens)", chunk}}) {
            for (int batch : new int[]{1, 8, 32, 128}) {
                List<TextSegment> texts = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    texts.add(TextSegment.from(kind[1] + " " + i));
                }
                model.embedAll(texts);
                long started = System.nanoTime();
                long embedded = 0;
                while (System.nanoTime() - started < seconds * 1e9) {
                    embedded += model.embedAll(texts).content().size();
                }
                double elapsed = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "%-20s batch %4d: %8.1f texts/s  (%.2f ms a text)%n", kind[0], batch,
                        embedded / elapsed, 1000 * elapsed / embedded);
            }
        }
        threads.shutdownNow();
    }
}
