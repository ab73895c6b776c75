package org.kglab.ingestion;

import jakarta.inject.Singleton;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The language a text is written in, with Apache OpenNLP's language detector (103 languages, a model
 * of about 10 MB loaded once, on first use of this bean). It answers an ISO 639-1 code ({@code en},
 * {@code de}) where the language has one and the ISO 639-3 code otherwise, or null when it is unsure:
 * a text with too few letters, or no language clearly ahead of the next.
 */
@Singleton
public final class LanguageDetector {

    /** The model is a resource of its own jar; loaded by name, since every model jar has a model.properties. */
    static final String MODEL = "langdetect-183.bin";
    /** Characters looked at: enough for a confident answer, and a bound on the work for long texts. */
    static final int SAMPLE_CHARS = 20_000;
    /** Fewer letters than this and the answer is a guess. */
    static final int MIN_LETTERS = 20;
    /** The best language must be this many times as likely as the next one. */
    static final double MIN_LEAD = 1.2;
    /** ... and this many times as likely as a uniform guess among the model's languages. */
    static final double MIN_OVER_UNIFORM = 1.5;

    /** Codes of the model that are not the ISO 639-3 form of an ISO 639-1 language in the JDK's tables. */
    private static final Map<String, String> INDIVIDUAL_LANGUAGES = Map.of(
            "cmn", "zh", "pes", "fa", "lvs", "lv", "ekk", "et", "plt", "mg", "pnb", "pa", "zsm", "ms");

    private final LanguageDetectorME detector;
    private final Map<String, String> twoLetterCodes = new HashMap<>();
    private final double uniform;

    LanguageDetector() {
        try (InputStream in = LanguageDetector.class.getClassLoader().getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("The language model " + MODEL + " is not on the class path");
            }
            // Shared by all threads: the detector keeps no state between calls (final fields, fresh arrays per call).
            detector = new LanguageDetectorME(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the language model " + MODEL, e);
        }
        for (String code : Locale.getISOLanguages()) {
            twoLetterCodes.putIfAbsent(Locale.of(code).getISO3Language(), code);
        }
        twoLetterCodes.putAll(INDIVIDUAL_LANGUAGES);
        uniform = 1.0 / detector.getSupportedLanguages().length;
    }

    /** The text's language as an ISO 639 code, or null when unsure. */
    public @Nullable String detect(CharSequence text) {
        CharSequence sample = text.length() > SAMPLE_CHARS ? text.subSequence(0, SAMPLE_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
            return null;
        }
        Language[] ranked = detector.predictLanguages(sample);
        if (ranked.length == 0) {
            return null;
        }
        Language best = ranked[0];
        double next = ranked.length > 1 ? ranked[1].getConfidence() : 0;
        if (best.getConfidence() < uniform * MIN_OVER_UNIFORM || best.getConfidence() < next * MIN_LEAD) {
            return null;
        }
        return twoLetterCodes.getOrDefault(best.getLang(), best.getLang());
    }
}
