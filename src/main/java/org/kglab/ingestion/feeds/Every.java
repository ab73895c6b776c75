package org.kglab.ingestion.feeds;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A polling interval as people write it: "30m", "6h", "1d", or ISO-8601 ("PT30M"); 5 minutes to 7 days. */
final class Every {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*(s|m|h|d)");

    private Every() {
    }

    static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration every;
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            every = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                every = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw InvalidFeed.badRequest("'every' must be a duration such as 30m, 6h, 1d or PT2H; it was \""
                        + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\".");
            }
        }
        if (every.compareTo(FeedProperties.MIN_EVERY) < 0 || every.compareTo(FeedProperties.MAX_EVERY) > 0) {
            throw InvalidFeed.badRequest("'every' must be between 5 minutes and 7 days; it was " + text.strip() + ".");
        }
        return every;
    }
}
