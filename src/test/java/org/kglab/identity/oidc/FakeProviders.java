package org.kglab.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real, local sign-in provider for the tests, speaking HTTP on an ephemeral port: an OpenID
 * Connect issuer (discovery, JWKS, authorize, token with RS256 ID tokens) and GitHub's OAuth and
 * REST endpoints. Authorization succeeds at once for whoever {@link #nextPerson} names. The token
 * endpoints check the client's credentials, the redirect URI and the PKCE verifier (S256), use each
 * code once, and record every refusal in {@link #refusals}.
 */
final class FakeProviders implements AutoCloseable {

    static final String CLIENT_ID = "kglab-test-client";
    static final String CLIENT_SECRET = "kglab-test-secret";

    /** Who the provider says signed in. {@code emailVerified} is sent as is (a boolean, a string, or absent). */
    record Person(String subject, @Nullable String email, @Nullable Object emailVerified) {
    }

    /** What is wrong with an ID token this provider issues on request, to see the service refuse it. */
    enum Flaw {
        /** Signed by another key under this provider's key id. */
        BAD_SIGNATURE,
        /** Claims to come from another issuer. */
        WRONG_ISSUER,
        /** Issued to another client. */
        WRONG_AUDIENCE,
        /** Expired an hour ago. */
        EXPIRED,
        /** Carries a nonce other than the one the sign-in sent. */
        WRONG_NONCE
    }

    private record Grant(Person person, @Nullable String challenge, @Nullable String method, @Nullable String nonce,
                         String redirectUri) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Person> gitHubTokens = new ConcurrentHashMap<>();
    final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile Person next = new Person("subject-1", "someone@example.org", true);
    private volatile @Nullable Flaw nextFlaw;

    private FakeProviders() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("fake-" + UUID.randomUUID()).generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        route("/.well-known/openid-configuration", e -> json(e, 200, discovery()));
        route("/jwks", e -> json(e, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
        route("/authorize", this::authorize);
        route("/token", e -> token(e, false));
        route("/login/oauth/authorize", this::authorize);
        route("/login/oauth/access_token", e -> token(e, true));
        route("/user", this::gitHubApi);
        server.start();
    }

    /** A handler that fails answers 500 and says why, rather than dropping the connection. */
    private void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                e.printStackTrace();
                json(exchange, 500, Map.of("error", "server_error", "error_description", String.valueOf(e)));
            }
        });
    }

    static FakeProviders start() {
        try {
            return new FakeProviders();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets what earlier tests asked for, so that each test sees only its own requests. */
    void reset() {
        authorizations.clear();
        refusals.clear();
        grants.clear();
        gitHubTokens.clear();
        nextFlaw = null;
    }

    /** The next ID token issued has this flaw; the ones after it are sound again. */
    void flawNextIdToken(Flaw flaw) {
        nextFlaw = flaw;
    }

    void nextPerson(Person person) {
        next = person;
    }

    /** The service's settings for a generic OpenID client {@code oidc} and a GitHub client, both pointing here. */
    Map<String, String> clientProperties() {
        var properties = new HashMap<String, String>();
        var env = Map.of("KGLAB_OIDC_ISSUER", issuer(), "KGLAB_OIDC_CLIENT_ID", CLIENT_ID,
                "KGLAB_OIDC_CLIENT_SECRET", CLIENT_SECRET, "KGLAB_OIDC_GITHUB_CLIENT_ID", CLIENT_ID,
                "KGLAB_OIDC_GITHUB_CLIENT_SECRET", CLIENT_SECRET);
        OidcClients.fromEnvironment(env).forEach((name, value) -> properties.put(name,
                value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value)));
        String gitHub = OidcClients.PREFIX + "github.";
        properties.put(gitHub + "authorization.url", issuer() + "/login/oauth/authorize");
        properties.put(gitHub + "token.url", issuer() + "/login/oauth/access_token");
        properties.put("kglab.auth.oidc.github.api-url", issuer());
        return properties;
    }

    /** An ID token as this provider issues them, for whatever audience and nonce. */
    String idToken(Person person, String audience, @Nullable String nonce) {
        return idToken(person, audience, nonce, null);
    }

    private String idToken(Person person, String audience, @Nullable String nonce, @Nullable Flaw flaw) {
        Instant now = flaw == Flaw.EXPIRED ? Instant.now().minusSeconds(3600) : Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(flaw == Flaw.WRONG_ISSUER ? "https://impostor.example.org" : issuer())
                .audience(flaw == Flaw.WRONG_AUDIENCE ? "another-client" : audience)
                .subject(person.subject())
                .issueTime(Date.from(now.minusSeconds(flaw == Flaw.EXPIRED ? 300 : 0)))
                .expirationTime(Date.from(flaw == Flaw.EXPIRED ? now : now.plusSeconds(300)));
        if (person.email() != null) {
            claims.claim("email", person.email());
        }
        if (person.emailVerified() != null) {
            claims.claim("email_verified", person.emailVerified());
        }
        if (flaw == Flaw.WRONG_NONCE) {
            claims.claim("nonce", "a-nonce-this-sign-in-never-sent");
        } else if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(flaw == Flaw.BAD_SIGNATURE ? otherKey() : key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private RSAKey otherKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
    }

    private Map<String, Object> discovery() {
        return Map.of("issuer", issuer(),
                "authorization_endpoint", issuer() + "/authorize",
                "token_endpoint", issuer() + "/token",
                "jwks_uri", issuer() + "/jwks",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "code_challenge_methods_supported", List.of("S256"),
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic"),
                "grant_types_supported", List.of("authorization_code"));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        authorizations.add(query);
        String redirectUri = query.getOrDefault("redirect_uri", "");
        if (!CLIENT_ID.equals(query.get("client_id")) || redirectUri.isEmpty()) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(next, query.get("code_challenge"), query.get("code_challenge_method"),
                query.get("nonce"), redirectUri));
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
                + (query.containsKey("state") ? "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8) : "");
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange, boolean gitHub) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        // The code is used up whatever happens next, as RFC 6749 asks.
        Grant grant = body.containsKey("code") ? grants.remove(body.get("code")) : null;
        String refusal = refusal(exchange, body, grant, gitHub);
        if (refusal != null) {
            refusals.add(refusal);
            json(exchange, 400, Map.of("error", "invalid_grant", "error_description", refusal));
            return;
        }
        String accessToken = "at-" + UUID.randomUUID();
        if (gitHub) {
            gitHubTokens.put(accessToken, grant.person());
            json(exchange, 200, Map.of("access_token", accessToken, "token_type", "bearer", "scope", "read:user,user:email"));
        } else {
            json(exchange, 200, Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 300,
                    "scope", "openid email profile", "id_token", idToken(grant.person(), CLIENT_ID, grant.nonce(),
                            takeFlaw())));
        }
    }

    private synchronized @Nullable Flaw takeFlaw() {
        Flaw flaw = nextFlaw;
        nextFlaw = null;
        return flaw;
    }

    /** Why the token request is refused, or null. */
    private static @Nullable String refusal(HttpExchange exchange, Map<String, String> body, @Nullable Grant grant,
                                            boolean gitHub) {
        boolean client = gitHub
                ? CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret"))
                : ("Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8))).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!client) {
            return "client authentication failed";
        }
        if (grant == null) {
            return "unknown or used code";
        }
        if (!grant.redirectUri().equals(body.get("redirect_uri"))) {
            return "redirect_uri differs from the authorization request";
        }
        if (grant.challenge() == null || !"S256".equals(grant.method())) {
            return "no S256 code_challenge in the authorization request";
        }
        String verifier = body.get("code_verifier");
        if (verifier == null) {
            return "code_verifier missing";
        }
        return s256(verifier).equals(grant.challenge()) ? null : "code_verifier does not match code_challenge";
    }

    private void gitHubApi(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Person person = authorization == null ? null : gitHubTokens.get(authorization.replaceFirst("^Bearer ", ""));
        if (person == null) {
            json(exchange, 401, Map.of("message", "Bad credentials"));
        } else if (exchange.getRequestURI().getPath().equals("/user")) {
            json(exchange, 200, Map.of("id", Long.parseLong(person.subject()), "login", "octo" + person.subject()));
        } else {
            var emails = new ArrayList<Object>();
            emails.add(Map.of("email", "secondary@example.org", "primary", false, "verified", true));
            if (person.email() != null) {
                emails.add(Map.of("email", person.email(), "primary", true,
                        "verified", Boolean.TRUE.equals(person.emailVerified())));
            }
            jsonText(exchange, 200, JSONArrayUtils.toJSONString(emails));
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(@Nullable String encoded) {
        var values = new HashMap<String, String>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        jsonText(exchange, status, JSONObjectUtils.toJSONString(new HashMap<>(body)));
    }

    private static void jsonText(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
