package org.kglab.api.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kglab.identity.account.IdentityService;

import java.util.Map;

/** The public signing keys, so that other Knowledge Graph Lab services can verify our access tokens. */
@Controller("/.well-known")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Identity", description = "Token verification keys")
final class JwksController {

    private final IdentityService identity;

    JwksController(IdentityService identity) {
        this.identity = identity;
    }

    @Get(uri = "/jwks.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set of the access-token signing keys (public parts only)")
    HttpResponse<Map<String, Object>> jwks() {
        return HttpResponse.ok(identity.publicSigningKeys()).header("Cache-Control", "public, max-age=300");
    }
}
