package org.kglab.ingestion.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The shape a fetchable URL must have, checked before any connection: http(s), a host, no credentials. */
final class Urls {

    static final int MAX_LENGTH = 2_048;

    private Urls() {
    }

    static URI parse(String url) {
        String text = url.strip();
        if (text.isEmpty()) {
            throw new InvalidUrl("The URL is empty.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidUrl("The URL is longer than " + MAX_LENGTH + " characters.");
        }
        try {
            URI uri = new URI(text);
            check(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidUrl("Not a valid URL: " + abbreviate(text) + " (" + e.getReason() + ").");
        }
    }

    static void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidUrl("Only http and https URLs can be fetched, not " + abbreviate(uri.toString()) + ".");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidUrl("URLs with a user name or password are not fetched: " + uri.getScheme() + "://"
                    + uri.getHost() + "/….");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidUrl("The URL has no host: " + abbreviate(uri.toString()) + ".");
        }
    }

    /** A redirect target, relative to the URL that redirected. */
    static URI resolve(URI base, String location) {
        try {
            URI target = base.resolve(new URI(location.strip()));
            check(target);
            return target;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidUrl("A redirect from " + base + " leads to an invalid URL: " + abbreviate(location) + ".");
        }
    }

    static String abbreviate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
