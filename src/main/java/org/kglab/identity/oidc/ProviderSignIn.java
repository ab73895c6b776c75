package org.kglab.identity.oidc;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditLog;
import org.kglab.audit.Origin;
import org.kglab.identity.access.UserId;
import org.kglab.identity.account.AccountTokenPurpose;
import org.kglab.identity.account.IdentityService;
import org.kglab.identity.account.OneTimeTokens;
import org.kglab.identity.admin.AdminBootstrap;
import org.kglab.identity.signin.SignInThrottle;
import org.kglab.identity.token.TokenPair;
import org.kglab.identity.user.User;
import org.kglab.identity.user.Users;

import java.time.Duration;

/**
 * Sign-in through an external provider, in two steps. When the provider's callback succeeds the
 * account is linked and a one-time sign-in code is issued; the browser carries only that code
 * (tokens never go into a URL, where logs and history would keep them). The client then exchanges
 * the code, once and within minutes, for the same access and refresh tokens a password login gives.
 */
@Singleton
public class ProviderSignIn {

    private final AccountLinking linking;
    private final OneTimeTokens tokens;
    private final Users users;
    private final IdentityService identity;
    private final AdminBootstrap adminBootstrap;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Duration codeTtl;

    @SuppressWarnings("java:S107") // one collaborator per concern; grouping them would only hide that
    ProviderSignIn(AccountLinking linking, OneTimeTokens tokens, Users users, IdentityService identity,
                   AdminBootstrap adminBootstrap, SignInThrottle throttle, AuditLog audit,
                   @Value("${kglab.auth.oidc.sign-in-code-ttl:2m}") Duration codeTtl) {
        this.linking = linking;
        this.tokens = tokens;
        this.users = users;
        this.identity = identity;
        this.adminBootstrap = adminBootstrap;
        this.throttle = throttle;
        this.audit = audit;
        this.codeTtl = codeTtl;
    }

    /**
     * Links the provider's account to ours, creating ours if needed.
     *
     * @throws SignInRefused when the provider's address is missing or unverified, or the account is disabled
     */
    public UserId link(ExternalAccount account) {
        return linking.link(account).userId();
    }

    /** A one-time code that {@link #complete} exchanges for tokens; only its hash is stored. */
    public String issueCode(UserId user) {
        return tokens.issue(user, AccountTokenPurpose.SIGN_IN, codeTtl);
    }

    /**
     * Exchanges a sign-in code for tokens, starting a new refresh-token family. Sign-in calls are
     * limited per client address.
     *
     * @throws InvalidSignInCode when the code is unknown, expired or used, or the account was disabled since
     */
    public TokenPair complete(Origin origin, String code) {
        throttle.admitClient(origin.address());
        UserId userId = tokens.redeem(code, AccountTokenPurpose.SIGN_IN, InvalidSignInCode::new);
        User user = users.findById(userId.value()).filter(u -> !u.disabled()).orElseThrow(InvalidSignInCode::new);
        audit.record(AuditAction.LOGIN_SUCCEEDED, user.id(), user.id().toString(), origin, "through a sign-in provider");
        return identity.pairFor(adminBootstrap.promoteIfConfigured(user, origin));
    }
}
