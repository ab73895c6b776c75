package org.kglab.identity.account;

import jakarta.inject.Singleton;
import org.kglab.identity.access.UserId;
import org.kglab.identity.user.User;
import org.kglab.identity.user.Users;

import java.util.Optional;

/** Mails verification links and redeems them. */
@Singleton
final class EmailVerification {

    private final Users users;
    private final OneTimeTokens tokens;
    private final AccountMail mail;
    private final AccountMailProperties properties;

    EmailVerification(Users users, OneTimeTokens tokens, AccountMail mail, AccountMailProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.mail = mail;
        this.properties = properties;
    }

    void mailLink(User user) {
        mail.sendLater(() -> Optional.of(mail.verification(user.email(),
                tokens.issue(user.userId(), AccountTokenPurpose.VERIFY_EMAIL, properties.verificationTtl()))));
    }

    /** Tells the owner of {@code email} that someone tried to register it again. */
    void mailRegistrationAttempt(String email) {
        mail.sendLater(() -> Optional.of(mail.registrationAttempt(email)));
    }

    /** @return the account whose address is now verified */
    User verify(String token) {
        UserId user = tokens.redeem(token, AccountTokenPurpose.VERIFY_EMAIL,
                () -> new InvalidAccountToken("verification"));
        users.markEmailVerified(user.value());
        tokens.spendAll(user, AccountTokenPurpose.VERIFY_EMAIL);
        return users.findById(user.value()).orElseThrow(() -> new InvalidAccountToken("verification"));
    }
}
