package org.kglab.graph.entity;

import java.util.UUID;

/** Identity of an entity; parsing refuses anything that is not a UUID. */
public record EntityId(UUID value) {

    public static EntityId random() {
        return new EntityId(UUID.randomUUID());
    }

    public static EntityId parse(String text) {
        try {
            UUID value = UUID.fromString(text);
            if (!value.toString().equals(text.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException(text);
            }
            return new EntityId(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEntityInput("'" + abbreviate(text) + "' is not an entity id.");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
