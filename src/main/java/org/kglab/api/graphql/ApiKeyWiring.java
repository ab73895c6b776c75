package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.identity.access.Scope;
import org.kglab.identity.apikey.ApiKey;
import org.kglab.identity.apikey.ApiKeyService;
import org.kglab.identity.apikey.CreatedApiKey;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** API keys in GraphQL: list, create, revoke. */
@Singleton
final class ApiKeyWiring implements FeatureWiring {

    private final ApiKeyService apiKeys;

    ApiKeyWiring(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("apiKeys", env -> apiKeys.list(GraphQLCaller.require(env))));
        wiring.type("Mutation", type -> type
                .dataFetcher("createApiKey", this::create)
                .dataFetcher("revokeApiKey", env -> {
                    apiKeys.revoke(GraphQLCaller.require(env), GraphQLCaller.origin(env), Arguments.required(env, "id"));
                    return true;
                }));
        wiring.type("ApiKey", type -> type
                .dataFetcher("scopes", env -> Arguments.<ApiKey>source(env).scopeSet().stream().map(Scope::name).sorted().toList()));
    }

    private CreatedApiKey create(DataFetchingEnvironment env) {
        List<String> names = Arguments.required(env, "scopes");
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        names.forEach(name -> scopes.add(Scope.valueOf(name)));
        OffsetDateTime expiresAt = Arguments.optional(env, "expiresAt");
        return apiKeys.create(GraphQLCaller.require(env), GraphQLCaller.origin(env),
                IdentityWiring.bounded(Arguments.required(env, "name")), scopes,
                expiresAt == null ? null : expiresAt.toInstant());
    }
}
