package org.kglab.api.graphql;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.identity.access.Role;
import org.kglab.identity.account.AccountService;
import org.kglab.identity.account.IdentityService;
import org.kglab.identity.token.TokenPair;
import org.kglab.identity.user.User;

import java.util.List;

/** Accounts and sign-in in GraphQL: registration, tokens, verification and passwords. */
@Singleton
final class IdentityWiring implements FeatureWiring {

    private static final int MAX_CREDENTIAL_LENGTH = 1_024;

    private final IdentityService identity;
    private final AccountService accounts;

    IdentityWiring(IdentityService identity, AccountService accounts) {
        this.identity = identity;
        this.accounts = accounts;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("me", env -> identity.me(GraphQLCaller.require(env))));
        wiring.type("Mutation", type -> type
                .dataFetcher("register", env -> identity.register(GraphQLCaller.origin(env),
                        bounded(Arguments.required(env, "email")), bounded(Arguments.required(env, "password"))))
                .dataFetcher("login", env -> payload(identity.login(GraphQLCaller.origin(env),
                        bounded(Arguments.required(env, "email")), bounded(Arguments.required(env, "password")))))
                .dataFetcher("refreshToken", env -> payload(identity.refresh(GraphQLCaller.origin(env),
                        bounded(Arguments.required(env, "refreshToken")))))
                .dataFetcher("logout", env -> {
                    identity.logout(GraphQLCaller.origin(env), bounded(Arguments.required(env, "refreshToken")));
                    return true;
                })
                .dataFetcher("verifyEmail", env -> accounts.verifyEmail(GraphQLCaller.origin(env),
                        bounded(Arguments.required(env, "token"))))
                .dataFetcher("resendVerificationEmail", env -> {
                    accounts.resendVerification(GraphQLCaller.require(env), GraphQLCaller.origin(env));
                    return true;
                })
                .dataFetcher("requestPasswordReset", env -> {
                    accounts.requestPasswordReset(GraphQLCaller.origin(env), bounded(Arguments.required(env, "email")));
                    return true;
                })
                .dataFetcher("resetPassword", env -> {
                    accounts.resetPassword(GraphQLCaller.origin(env), bounded(Arguments.required(env, "token")),
                            bounded(Arguments.required(env, "newPassword")));
                    return true;
                })
                .dataFetcher("changePassword", env -> payload(accounts.changePassword(GraphQLCaller.require(env),
                        GraphQLCaller.origin(env), bounded(Arguments.required(env, "currentPassword")),
                        bounded(Arguments.required(env, "newPassword"))))));
        wiring.type("User", type -> type
                .dataFetcher("roles", env -> roles(Arguments.source(env))));
    }

    static AuthPayload payload(TokenPair pair) {
        return new AuthPayload(pair.accessToken(), pair.refreshToken(), pair.expiresIn(), "Bearer");
    }

    private static List<String> roles(User user) {
        return user.roleSet().stream().map(Role::id).sorted().toList();
    }

    /** Credentials are short; anything longer is refused before it reaches hashing. */
    static String bounded(String value) {
        if (value.length() > MAX_CREDENTIAL_LENGTH) {
            throw new InvalidArgument("That value is too long (" + value.length() + " characters).");
        }
        return value;
    }

    record AuthPayload(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    }
}
