package org.kglab.identity.account;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.mail.Mail;
import org.kglab.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Writes and sends the verification and password-reset messages. Sending happens off the request
 * thread: a mail server's pace must not show in response times, and for reset requests neither
 * may whether an account exists, so even the lookup runs in the background.
 */
@Singleton
final class AccountMail {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMail.class);

    private final Mailer mailer;
    private final AccountMailProperties properties;
    private final ExecutorService executor;

    AccountMail(Mailer mailer, AccountMailProperties properties, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.mailer = mailer;
        this.properties = properties;
        this.executor = executor;
    }

    /** Composes (possibly nothing) and sends in the background; failures are logged, never thrown. */
    void sendLater(Supplier<Optional<Mail>> compose) {
        try {
            executor.execute(() -> {
                try {
                    compose.get().ifPresent(mailer::send);
                } catch (RuntimeException e) {
                    // The message holds a live token: log the failure, never the message.
                    LOG.error("Account mail could not be sent: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.error("Account mail dropped: the service is shutting down");
        }
    }

    Mail verification(String email, String token) {
        String link = link(properties.verifyEmailUrl(), token,
                "mutation VerifyEmail($token: String!) {\n  verifyEmail(token: $token) { email emailVerified }\n}");
        return new Mail(email, "Confirm your email address for Knowledge Graph Lab", """
                Welcome to Knowledge Graph Lab.

                Confirm that this is your address by opening this link within %s:

                %s

                If you did not create an account, ignore this message.
                """.formatted(Durations.spoken(properties.verificationTtl()), link));
    }

    Mail registrationAttempt(String email) {
        return new Mail(email, "Someone tried to register your address at Knowledge Graph Lab", """
                Someone tried to create a Knowledge Graph Lab account with this address, which already has one.

                If it was you, sign in with your password. If you have forgotten it, ask for a password
                reset on the sign-in page (the requestPasswordReset mutation).

                If it was not you, ignore this message: nothing about your account has changed.
                """);
    }

    Mail passwordReset(String email, String token) {
        String link = link(properties.resetPasswordUrl(), token,
                "mutation ResetPassword($token: String!, $newPassword: String!) {\n"
                        + "  resetPassword(token: $token, newPassword: $newPassword)\n}");
        return new Mail(email, "Reset your Knowledge Graph Lab password", """
                Someone asked to reset the password of your Knowledge Graph Lab account.

                Choose a new password by opening this link within %s. It works once:

                %s

                If it was not you, ignore this message: your password stays as it is.
                """.formatted(Durations.spoken(properties.passwordResetTtl()), link));
    }

    private String link(@Nullable String template, String token, String mutation) {
        if (template != null && !template.isBlank()) {
            return template.replace("{token}", encode(token));
        }
        String variables = mutation.contains("newPassword")
                ? "{\"token\": \"" + token + "\", \"newPassword\": \"\"}"
                : "{\"token\": \"" + token + "\"}";
        String base = properties.publicUrl().toString().replaceAll("/+$", "");
        return base + "/graphiql?query=" + encode(mutation) + "&variables=" + encode(variables);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
