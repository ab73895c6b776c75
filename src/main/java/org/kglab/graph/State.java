package org.kglab.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A change's state as stored (JSON values: strings, numbers, lists, maps), read with clear errors. */
record State(String aggregateType, UUID aggregateId, Map<String, Object> values) {

    String text(String key) {
        return value(key, String.class);
    }

    long number(String key) {
        return value(key, Number.class).longValue();
    }

    /** An instant, stored as ISO-8601 text or as epoch seconds. */
    OffsetDateTime dateTime(String key) {
        Object value = value(key, Object.class);
        try {
            Instant instant = value instanceof Number seconds
                    ? Instant.ofEpochSecond(0, Math.round(seconds.doubleValue() * 1e9))
                    : Instant.parse(value.toString());
            return instant.atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw malformed(key, "is not a date and time");
        }
    }

    /** A list of nested states, such as a document's chunks. */
    List<State> states(String key) {
        List<?> items = value(key, List.class);
        return items.stream()
                .map(item -> {
                    if (!(item instanceof Map<?, ?> map)) {
                        throw malformed(key, "holds something other than objects");
                    }
                    @SuppressWarnings("unchecked") Map<String, Object> values = (Map<String, Object>) map;
                    return new State(aggregateType, aggregateId, values);
                })
                .toList();
    }

    private <T> T value(String key, Class<T> type) {
        Object value = values.get(key);
        if (value == null) {
            throw malformed(key, "is missing");
        }
        if (!type.isInstance(value)) {
            throw malformed(key, "is not a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
        return type.cast(value);
    }

    private MalformedChange malformed(String key, String problem) {
        return new MalformedChange("The " + aggregateType + " change of " + aggregateId + " cannot be projected: '"
                + key + "' " + problem);
    }
}
