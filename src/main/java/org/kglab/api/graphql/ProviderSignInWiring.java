package org.kglab.api.graphql;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.identity.ProviderSignIn;
import org.kglab.identity.TokenPair;

/** The GraphQL end of a sign-in through an external provider: the one-time code becomes tokens. */
@Singleton
final class ProviderSignInWiring implements FeatureWiring {

    private static final int MAX_CODE_LENGTH = 1_024;

    private final ProviderSignIn signIn;

    ProviderSignInWiring(ProviderSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type.dataFetcher("completeSignIn", env -> {
            String code = env.getArgument("code");
            if (code.length() > MAX_CODE_LENGTH) {
                throw new InvalidArgument("That value is too long (" + code.length() + " characters).");
            }
            TokenPair pair = signIn.complete(GraphQLCaller.clientAddress(env), code);
            return new IdentityWiring.AuthPayload(pair.accessToken(), pair.refreshToken(), pair.expiresIn(), "Bearer");
        }));
    }
}
