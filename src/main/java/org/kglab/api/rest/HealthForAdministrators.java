package org.kglab.api.rest;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;
import org.kglab.identity.access.Role;

import java.security.Principal;

/**
 * {@code /health} as the library serves it, except that the details (database URL, versions,
 * timings) are for administrators only: everyone else, signed in or not, reads just UP or DOWN.
 * The library's own choices stop at "authenticated"; roles are ours to check.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
final class HealthForAdministrators extends HealthEndpoint {

    HealthForAdministrators(HealthAggregator<HealthResult> aggregator, HealthIndicator[] indicators,
                            @Liveness HealthIndicator[] livenessIndicators) {
        super(aggregator, indicators, livenessIndicators);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        boolean administrator = principal instanceof Authentication authentication
                && authentication.getRoles().contains(Role.ADMIN.id());
        return administrator ? super.levelOfDetail(principal) : HealthLevelOfDetail.STATUS;
    }
}
