package org.kglab.api.graphql;

import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.identity.oidc.ProviderSignIn;

/** The GraphQL end of a sign-in through an external provider: the one-time code becomes tokens. */
@Singleton
final class ProviderSignInWiring implements FeatureWiring {

    private final ProviderSignIn signIn;

    ProviderSignInWiring(ProviderSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        // Not bounded here: a code of any other length is simply not a code, which the service
        // refuses as UNAUTHENTICATED without hashing or looking it up, as the schema says.
        wiring.type("Mutation", type -> type.dataFetcher("completeSignIn", env -> IdentityWiring.payload(
                signIn.complete(GraphQLCaller.origin(env), Arguments.required(env, "code")))));
    }
}
