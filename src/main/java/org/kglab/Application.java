package org.kglab;

import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

// Only the health endpoint is enabled at run time, so only it is documented.
@OpenAPIInclude(classes = HealthEndpoint.class,
        tags = @Tag(name = "Health", description = "Whether the service and both of its stores answer"))
@SecurityScheme(name = Application.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The accessToken from the GraphQL login mutation, or an API key (kgl_...)")
@SecurityScheme(name = Application.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-API-Key", description = "An API key (kgl_...) from the GraphQL createApiKey mutation")
@OpenAPIDefinition(info = @Info(
        title = "Knowledge Graph Lab backend",
        version = "0.1",
        description = "REST shim of the Knowledge Graph Lab backend: uploads and health. "
                + "Everything else is in the GraphQL API at /graphql (playground at /graphiql)."))
public final class Application {

    /** Name of the OpenAPI security scheme that protected operations refer to. */
    public static final String BEARER = "bearerAuth";
    public static final String API_KEY = "apiKeyAuth";

    private Application() {
    }

    public static void main(String[] args) {
        // Sign-in providers are configured by identity.oidc.ProviderPropertySources, in the bootstrap context.
        Micronaut.build(args)
                .mainClass(Application.class)
                .start();
    }
}
