package org.kglab.identity.oidc;

import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Executable;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.client.OauthClient;
import io.micronaut.security.oauth2.endpoint.authorization.response.AuthorizationErrorResponseException;
import io.micronaut.security.oauth2.routes.DefaultOauthController;
import io.micronaut.security.oauth2.routes.OauthController;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * {@code GET /oauth/login/{provider}} and {@code /oauth/callback/{provider}} for each configured
 * provider; the library registers the routes, builds the authorization request (state, nonce,
 * PKCE) and handles the callback (state check, code exchange, ID-token validation). This replaces
 * the library's controller only to end every outcome the same way: a redirect to the completion URL,
 * with a sign-in code or a short error code. The library's own would answer some failures with a
 * bare 401 or a 500, which leaves a browser on a dead page.
 */
@EachBean(OauthClient.class)
@Replaces(DefaultOauthController.class)
final class ProviderRoutes implements OauthController {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRoutes.class);
    private static final String STATE_FAILURE = "State validation failed";
    private static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    private final OauthClient client;
    private final SignInCompletion completion;
    private final Scheduler blocking;

    ProviderRoutes(@Parameter OauthClient client, SignInCompletion completion,
                   @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.client = client;
        this.completion = completion;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public OauthClient getClient() {
        return client;
    }

    /**
     * Building the redirect may first fetch the issuer's discovery document, a blocking call: it runs
     * on a blocking thread, and an issuer that cannot be reached gets a 503 with a sentence, not a 500.
     */
    @Override
    @Executable
    public Publisher<MutableHttpResponse<?>> login(HttpRequest<?> request) {
        return Mono.defer(() -> Mono.from(client.authorizationRedirect(request)))
                .subscribeOn(blocking)
                .onErrorResume(e -> Mono.fromCallable(() -> unavailable(e)));
    }

    @Override
    @Executable
    public Publisher<MutableHttpResponse<?>> callback(HttpRequest<Map<String, Object>> request) {
        Publisher<AuthenticationResponse> outcome;
        try {
            outcome = client.onCallback(request);
        } catch (RuntimeException e) {
            return Mono.<MutableHttpResponse<?>>fromCallable(() -> failedBy(e)).subscribeOn(blocking);
        }
        return Mono.from(outcome)
                .publishOn(blocking)
                .<MutableHttpResponse<?>>map(this::respond)
                .onErrorResume(e -> Mono.fromCallable(() -> failedBy(e)))
                .switchIfEmpty(Mono.fromCallable(() -> {
                    // The ID token did not pass validation (signature, issuer, audience, expiry or nonce).
                    LOG.warn("Sign-in through {} failed: the ID token was not valid", client.getName());
                    return completion.failed(SignInCompletion.FAILED);
                }));
    }

    private MutableHttpResponse<?> respond(AuthenticationResponse response) {
        if (response.isAuthenticated() && response.getAuthentication().isPresent()) {
            return completion.succeeded(response.getAuthentication().get());
        }
        String message = response.getMessage().orElse("");
        if (message.startsWith(STATE_FAILURE)) {
            LOG.warn("Sign-in through {} refused: the callback's state does not match this browser's", client.getName());
            return completion.failed(SignInCompletion.INVALID_STATE);
        }
        return completion.failed(message);
    }

    private MutableHttpResponse<?> unavailable(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        LOG.warn("Sign-in through {} is unavailable: its provider cannot be reached ({})", client.getName(),
                cause.getClass().getSimpleName());
        String detail = "Sign-in through '" + client.getName() + "' is unavailable right now: its provider cannot "
                + "be reached. Try again in a few minutes, or sign in another way.";
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
                .contentType(PROBLEM_JSON)
                .body(Map.of("type", "about:blank", "title", "Sign-in provider unavailable",
                        "status", HttpStatus.SERVICE_UNAVAILABLE.getCode(), "detail", detail));
    }

    /** Logs the kind of failure only: provider answers can echo codes and credentials. */
    private MutableHttpResponse<?> failedBy(Throwable e) {
        if (e instanceof AuthorizationErrorResponseException denied) {
            LOG.info("Sign-in through {} ended by the provider: {}", client.getName(),
                    denied.getAuthorizationErrorResponse().getError());
            return completion.failed(SignInCompletion.PROVIDER_DENIED);
        }
        if (e instanceof HttpClientResponseException http) {
            LOG.warn("Sign-in through {} failed: the provider answered HTTP {}", client.getName(), http.code());
        } else {
            LOG.warn("Sign-in through {} failed: {}", client.getName(), e.getClass().getName());
        }
        return completion.failed(SignInCompletion.FAILED);
    }
}
