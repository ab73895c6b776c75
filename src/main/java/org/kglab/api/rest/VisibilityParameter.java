package org.kglab.api.rest;

import org.jspecify.annotations.Nullable;
import org.kglab.documents.Visibility;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The visibility a client asks for a new document, by name in any case: PRIVATE when it names none. */
final class VisibilityParameter {

    private VisibilityParameter() {
    }

    /** {@code invalid} makes the route's own 400 failure from the sentence that tells what is wrong. */
    static Visibility parse(@Nullable String value, Function<String, ? extends RuntimeException> invalid) {
        if (value == null || value.isBlank()) {
            return Visibility.PRIVATE;
        }
        return Arrays.stream(Visibility.values())
                .filter(v -> v.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> invalid.apply("visibility must be one of "
                        + Arrays.stream(Visibility.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + "; it was \"" + abbreviate(value) + "\"."));
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
