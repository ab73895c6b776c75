package org.kglab.identity.oidc;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.kglab.identity.access.UserId;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where the browser goes when a provider sign-in ends: to the completion URL
 * ({@code KGLAB_OIDC_COMPLETION_URL}) with {@code ?code=…}, a one-time code that the
 * {@code completeSignIn} mutation exchanges for tokens, or with {@code ?error=…}, a short code
 * saying why not. Neither carries a token or anything the provider sent.
 */
@Singleton
final class SignInCompletion {

    /** The provider's sign-in was cancelled or refused by the person or the provider. */
    static final String PROVIDER_DENIED = "provider_denied";
    /** The callback does not belong to a sign-in this browser started (state missing or not ours). */
    static final String INVALID_STATE = "invalid_state";
    /** Anything else: the provider could not be reached, refused the code, or sent an invalid ID token. */
    static final String FAILED = "sign_in_failed";

    private static final Set<String> REFUSALS = Arrays.stream(SignInRefused.Reason.values())
            .map(SignInRefused.Reason::code).collect(Collectors.toUnmodifiableSet());

    private final ProviderSignIn signIn;
    private final String completionUrl;

    SignInCompletion(ProviderSignIn signIn, @Value("${kglab.auth.oidc.completion-url}") String completionUrl) {
        this.signIn = signIn;
        this.completionUrl = completionUrl;
    }

    MutableHttpResponse<?> succeeded(Authentication authentication) {
        String code = signIn.issueCode(new UserId(UUID.fromString(authentication.getName())));
        return redirect("code", code);
    }

    /** @param reason one of the codes above or a {@link SignInRefused.Reason#code()}; anything else becomes {@link #FAILED} */
    MutableHttpResponse<?> failed(String reason) {
        boolean known = REFUSALS.contains(reason) || Set.of(PROVIDER_DENIED, INVALID_STATE).contains(reason);
        return redirect("error", known ? reason : FAILED);
    }

    private MutableHttpResponse<?> redirect(String parameter, String value) {
        return HttpResponse.seeOther(UriBuilder.of(completionUrl).queryParam(parameter, value).build())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
