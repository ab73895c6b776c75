package org.kglab.api.graphql;

import graphql.ErrorClassification;

/** What clients find in {@code extensions.classification} of every error. */
enum ErrorCode implements ErrorClassification {
    BAD_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    RATE_LIMITED,
    INTERNAL
}
