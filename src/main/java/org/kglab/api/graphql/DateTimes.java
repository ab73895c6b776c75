package org.kglab.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The schema's {@code DateTime}: RFC 3339 text. Fetchers return the feature's own value, an
 * {@link Instant}, {@link OffsetDateTime} or {@link LocalDate} (the start of that day in UTC), and it
 * is written in UTC where it has no offset of its own. Input is parsed to an {@link OffsetDateTime}.
 */
final class DateTimes {

    static final GraphQLScalarType SCALAR = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
            .coercing(new InstantAware(ExtendedScalars.DateTime.getCoercing()))
            .build();

    private DateTimes() {
    }

    /** Formats and parses as the standard date-time scalar does, after turning our time types into its own. */
    private record InstantAware(Coercing<?, ?> standard) implements Coercing<Object, String> {

        @Override
        public @Nullable String serialize(Object value, GraphQLContext context, Locale locale)
                throws CoercingSerializeException {
            Object offset = switch (value) {
                case Instant instant -> instant.atOffset(ZoneOffset.UTC);
                case LocalDate date -> date.atStartOfDay().atOffset(ZoneOffset.UTC);
                default -> value;
            };
            return (String) standard.serialize(offset, context, locale);
        }

        @Override
        public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale)
                throws CoercingParseValueException {
            return standard.parseValue(input, context, locale);
        }

        @Override
        public @Nullable Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                             Locale locale) throws CoercingParseLiteralException {
            return standard.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return standard.valueToLiteral(input, context, locale);
        }
    }
}
