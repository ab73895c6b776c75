package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to what a data fetcher receives. graphql-java returns every argument and every parent
 * object as nullable; the schema decides which are always there. A fetcher says which it expects:
 * {@link #required} for an argument declared non-null (or with a default), {@link #optional} for one
 * that may be absent, and {@link #source} for the object whose field is being fetched.
 */
final class Arguments {

    private Arguments() {
    }

    /**
     * An argument the schema declares as {@code T!}, or with a default value. graphql-java validates
     * non-null arguments before any fetcher runs; an explicit {@code null} for an argument with a
     * default gets here and is refused as a bad request.
     */
    static <T> T required(DataFetchingEnvironment env, String name) {
        T value = env.getArgument(name);
        if (value == null) {
            throw new InvalidArgument("'" + name + "' must not be null.");
        }
        return value;
    }

    /** An argument that may be left out or given as {@code null}. */
    static <T> @Nullable T optional(DataFetchingEnvironment env, String name) {
        return env.getArgument(name);
    }

    /**
     * The object whose field is being fetched. graphql-java runs a field's fetcher only for a non-null
     * parent, so this is absent only for a root field, which has no source to ask for.
     */
    static <T> T source(DataFetchingEnvironment env) {
        T source = env.getSource();
        if (source == null) {
            throw new IllegalStateException("The field '" + env.getField().getName() + "' has no parent object.");
        }
        return source;
    }
}
