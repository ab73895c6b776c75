package org.kglab.identity.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser as far as a sign-in needs one: it keeps the cookies each site sets and sends them back,
 * and follows nothing by itself, so that a test sees (and may tamper with) every redirect.
 */
final class Browser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests {@code uri}, which must answer with a redirect, and returns where it points. */
    URI follow(URI uri) {
        HttpResponse<String> response = get(uri);
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError("Expected a redirect from " + uri.getPath() + ", got " + response.statusCode()
                    + ": " + response.body());
        }
        return uri.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    void dropCookie(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().getURIs()
                        .forEach(uri -> cookies.getCookieStore().remove(uri, c)));
    }

    void replaceCookie(URI site, String name, String value) {
        dropCookie(name);
        var cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(site, cookie);
    }

    boolean hasCookie(String name) {
        return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals(name));
    }
}
