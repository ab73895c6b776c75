package org.kglab.api.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.kglab.platform.ClasspathResources;


/**
 * The GraphiQL playground and the REST docs. Every script and stylesheet they load is served by
 * this service (from WebJars and {@code /playground/}), so both work with no internet connection,
 * and their Content-Security-Policy allows nothing else: no inline code, no other origin, no framing.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
final class PlaygroundController {

    /**
     * {@code data:} for the fonts and icons that GraphiQL's and Swagger UI's stylesheets embed;
     * {@code connect-src 'self'} for the API calls the pages make.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final String graphiql = ClasspathResources.text("playground/graphiql.html");
    private final String docs = ClasspathResources.text("playground/docs.html");

    @Get(uri = "/graphiql", produces = MediaType.TEXT_HTML)
    HttpResponse<String> graphiql() {
        return page(graphiql);
    }

    @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
    HttpResponse<String> docs() {
        return page(docs);
    }

    private static HttpResponse<String> page(String html) {
        // X-Frame-Options for browsers that predate frame-ancestors.
        return HttpResponse.ok(html).header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY");
    }

}
