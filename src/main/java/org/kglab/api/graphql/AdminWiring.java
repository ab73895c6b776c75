package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditEntry;
import org.kglab.identity.Administration;
import org.kglab.identity.Role;
import org.kglab.identity.User;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Administration in GraphQL: accounts and the audit trail. The service checks the admin role. */
@Singleton
final class AdminWiring implements FeatureWiring {

    private final Administration administration;

    AdminWiring(Administration administration) {
        this.administration = administration;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("users", this::users)
                .dataFetcher("auditLog", this::auditLog));
        wiring.type("Mutation", type -> type
                .dataFetcher("setUserDisabled", env -> administration.setDisabled(GraphQLCaller.require(env),
                        GraphQLCaller.origin(env), Administration.parseUserId(env.getArgument("id")),
                        env.<Boolean>getArgument("disabled")))
                .dataFetcher("setUserRole", env -> administration.setRole(GraphQLCaller.require(env),
                        GraphQLCaller.origin(env), Administration.parseUserId(env.getArgument("id")),
                        Role.valueOf(env.getArgument("role")))));
        wiring.type("AuditEntry", type -> type
                .dataFetcher("occurredAt", env -> ApiKeyWiring.utc(env.<AuditEntry>getSource().occurredAt())));
    }

    private Connection<User> users(DataFetchingEnvironment env) {
        int first = env.getArgument("first");
        String after = env.getArgument("after");
        List<User> page = administration.users(GraphQLCaller.require(env), after == null ? null : decode(after), first);
        return Connection.of(page, first, user -> encode(user.email()));
    }

    private Connection<AuditEntry> auditLog(DataFetchingEnvironment env) {
        int first = env.getArgument("first");
        String after = env.getArgument("after");
        String action = env.getArgument("action");
        List<AuditEntry> page = administration.auditLog(GraphQLCaller.require(env),
                after == null ? null : parseId(after), action == null ? null : AuditAction.valueOf(action), first);
        return Connection.of(page, first, entry -> String.valueOf(entry.id()));
    }

    private static long parseId(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidArgument("'after' is not a cursor from this list.");
        }
    }

    private static String encode(String email) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgument("'after' is not a cursor from this list.");
        }
    }
}
