package org.kglab.api.rest;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every response, errors and refusals included: browsers must not guess a type other
 * than the declared one, and no address of ours leaks to other sites through the Referer header.
 * Pages add their own Content-Security-Policy ({@link PlaygroundController}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders implements Ordered {

    @ResponseFilter
    void addTo(MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
    }

    /** Outermost, so that responses made by other filters (a refused sign-in, say) get the headers too. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
