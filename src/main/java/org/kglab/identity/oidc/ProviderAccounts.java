package org.kglab.identity.oidc;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.kglab.identity.access.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * What both kinds of provider end with: the person the provider describes becomes one of our
 * accounts, or a refusal whose message is the short code the client will see. The database work
 * runs on the blocking executor, off the HTTP client's event loop that delivers the provider's answer.
 */
@Singleton
final class ProviderAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderAccounts.class);
    static final String PROVIDER = "provider";

    private final ProviderSignIn signIn;
    private final Scheduler blocking;

    ProviderAccounts(ProviderSignIn signIn, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.signIn = signIn;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    Mono<AuthenticationResponse> authenticate(ExternalAccount account) {
        return Mono.fromCallable(() -> respond(account)).subscribeOn(blocking);
    }

    private AuthenticationResponse respond(ExternalAccount account) {
        try {
            UserId user = signIn.link(account);
            LOG.info("User {} signed in through {}", user, account.provider());
            return AuthenticationResponse.success(user.toString(), Map.of(PROVIDER, account.provider()));
        } catch (SignInRefused e) {
            LOG.info("Sign-in through {} refused: {}", account.provider(), e.reason().code());
            return AuthenticationResponse.failure(e.reason().code());
        }
    }
}
