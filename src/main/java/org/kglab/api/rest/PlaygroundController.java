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
 * this service (from WebJars), so both work with no internet connection.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
final class PlaygroundController {

    private final String graphiql = ClasspathResources.text("playground/graphiql.html");
    private final String docs = ClasspathResources.text("playground/docs.html");

    @Get(uri = "/graphiql", produces = MediaType.TEXT_HTML)
    HttpResponse<String> graphiql() {
        return HttpResponse.ok(graphiql);
    }

    @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
    HttpResponse<String> docs() {
        return HttpResponse.ok(docs);
    }

}
