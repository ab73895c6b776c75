package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.audit.AuditAction;
import org.kglab.audit.AuditEntry;
import org.kglab.identity.access.Role;
import org.kglab.identity.admin.Administration;
import org.kglab.identity.user.User;
import org.kglab.platform.paging.Cursors;
import org.kglab.platform.paging.Page;

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
                        GraphQLCaller.origin(env), Administration.parseUserId(Arguments.required(env, "id")),
                        Arguments.<Boolean>required(env, "disabled")))
                .dataFetcher("setUserRole", env -> administration.setRole(GraphQLCaller.require(env),
                        GraphQLCaller.origin(env), Administration.parseUserId(Arguments.required(env, "id")),
                        Role.valueOf(Arguments.required(env, "role")))));
    }

    private Connection<User> users(DataFetchingEnvironment env) {
        int first = Arguments.required(env, "first");
        String after = Arguments.optional(env, "after");
        List<User> rows = administration.users(GraphQLCaller.require(env),
                after == null ? null : Cursors.string(after).orElseThrow(AdminWiring::notACursor), first);
        return Connection.of(Page.of(rows, first, user -> Cursors.encode(user.email())));
    }

    private Connection<AuditEntry> auditLog(DataFetchingEnvironment env) {
        int first = Arguments.required(env, "first");
        String after = Arguments.optional(env, "after");
        String action = Arguments.optional(env, "action");
        List<AuditEntry> rows = administration.auditLog(GraphQLCaller.require(env),
                after == null ? null : Cursors.number(after).orElseThrow(AdminWiring::notACursor),
                action == null ? null : AuditAction.valueOf(action), first);
        return Connection.of(Page.of(rows, first, entry -> Cursors.encode(entry.id())));
    }

    private static InvalidArgument notACursor() {
        return new InvalidArgument("'after' is not a cursor from this list.");
    }
}
