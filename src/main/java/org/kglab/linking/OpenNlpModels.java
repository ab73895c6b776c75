package org.kglab.linking;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Apache OpenNLP's English sentence, token and part-of-speech models (Universal Dependencies, trained on the
 * English Web Treebank), loaded once per JVM when first used. Models are immutable and shared; the
 * {@code *ME} classes that run them keep per-call state in 2.5 and are not thread-safe, so each call makes its
 * own (cheap: the model is not copied), rather than the {@code ThreadSafe*ME} wrappers, whose thread-locals
 * outlive their use on pooled threads.
 */
final class OpenNlpModels {

    /** Each model jar has a model.properties at its root, so the models are loaded by their own names. */
    static final String SENTENCES = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKENS = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    static final String ID = "opennlp-2.5.11/en-ud-ewt-1.3";

    /** A token of a sentence: offsets into the text tagged, its UD tag and the tagger's probability for it. */
    record Token(int start, int end, String text, String tag, double probability) {
    }

    /** A sentence: its offsets into the text tagged, and its tokens. */
    record Sentence(int start, int end, List<Token> tokens) {
    }

    private OpenNlpModels() {
    }

    /** Milliseconds the three models took to load. Loads them if they are not yet. */
    static long loadMillis() {
        return Loaded.MILLIS;
    }

    /** Splits {@code text} into sentences and tokens and tags each token. */
    static List<Sentence> tag(String text) {
        SentenceDetectorME sentences = new SentenceDetectorME(Loaded.SENTENCE_MODEL);
        TokenizerME tokenizer = new TokenizerME(Loaded.TOKEN_MODEL);
        POSTaggerME tagger = new POSTaggerME(Loaded.POS_MODEL);
        List<Sentence> tagged = new ArrayList<>();
        for (Span sentence : sentences.sentPosDetect(text)) {
            String sentenceText = text.substring(sentence.getStart(), sentence.getEnd());
            Span[] spans = tokenizer.tokenizePos(sentenceText);
            String[] words = Span.spansToStrings(spans, sentenceText);
            String[] tags = tagger.tag(words);
            double[] probabilities = tagger.probs();
            List<Token> tokens = new ArrayList<>(words.length);
            for (int i = 0; i < words.length; i++) {
                tokens.add(new Token(sentence.getStart() + spans[i].getStart(), sentence.getStart() + spans[i].getEnd(),
                        words[i], tags[i], probabilities[i]));
            }
            tagged.add(new Sentence(sentence.getStart(), sentence.getEnd(), tokens));
        }
        return tagged;
    }

    /** Loaded by the JVM's class initialisation: exactly once, and safely across threads. */
    private static final class Loaded {
        private static final long STARTED = System.nanoTime();
        static final SentenceModel SENTENCE_MODEL = load(SENTENCES, SentenceModel::new);
        static final TokenizerModel TOKEN_MODEL = load(TOKENS, TokenizerModel::new);
        static final POSModel POS_MODEL = load(POS, POSModel::new);
        static final long MILLIS = (System.nanoTime() - STARTED) / 1_000_000;

        private interface Reader<M> {
            M read(InputStream in) throws IOException;
        }

        private static <M> M load(String name, Reader<M> reader) {
            try (InputStream in = OpenNlpModels.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("The OpenNLP model " + name + " is not on the class path");
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the OpenNLP model " + name, e);
            }
        }
    }
}
