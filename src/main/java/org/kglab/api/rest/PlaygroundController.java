package org.kglab.api.rest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The GraphiQL playground and the REST docs. Every script and stylesheet they load is served by
 * this service (from WebJars), so both work with no internet connection.
 */
@Controller
@Hidden
final class PlaygroundController {

    private final String graphiql = page("playground/graphiql.html");
    private final String docs = page("playground/docs.html");

    @Get(uri = "/graphiql", produces = MediaType.TEXT_HTML)
    HttpResponse<String> graphiql() {
        return HttpResponse.ok(graphiql);
    }

    @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
    HttpResponse<String> docs() {
        return HttpResponse.ok(docs);
    }

    private static String page(String resource) {
        try (InputStream in = PlaygroundController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
