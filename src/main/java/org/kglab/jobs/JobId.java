package org.kglab.jobs;

import java.util.UUID;

/** Identity of a job; parsing rejects anything that is not a UUID. */
public record JobId(UUID value) {

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    public static JobId parse(String text) {
        try {
            return new JobId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new JobNotFound(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
