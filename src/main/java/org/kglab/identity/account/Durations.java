package org.kglab.identity.account;

import java.time.Duration;

/** Durations as people say them in messages: "24 hours", "1 hour", "30 minutes". */
final class Durations {

    private Durations() {
    }

    static String spoken(Duration duration) {
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toMinutes() > 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(Math.max(1, duration.toSeconds()), "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
