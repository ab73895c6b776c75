package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.graph.entity.Direction;
import org.kglab.graph.entity.Entity;
import org.kglab.graph.entity.EntityId;
import org.kglab.graph.entity.EntityService;
import org.kglab.graph.entity.Relationship;

import java.util.List;

/** The knowledge graph in GraphQL: entity reads, writes and traversals, each one call into {@link EntityService}. */
@Singleton
final class EntityWiring implements FeatureWiring {

    private final EntityService entities;

    EntityWiring(EntityService entities) {
        this.entities = entities;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("entity", env -> entities.get(GraphQLCaller.require(env), id(env, "id")))
                .dataFetcher("entities", env -> Connection.of(entities.page(GraphQLCaller.require(env),
                        Arguments.required(env, "first"), Arguments.optional(env, "after"),
                        Arguments.optional(env, "type"), Arguments.optional(env, "query"))))
                .dataFetcher("relationships", env -> Connection.of(entities.relationships(GraphQLCaller.require(env),
                        id(env, "entityId"), Arguments.optional(env, "types"), direction(env),
                        Arguments.required(env, "first"), Arguments.optional(env, "after"))))
                .dataFetcher("neighbors", env -> entities.neighbors(GraphQLCaller.require(env), id(env, "id"),
                        Arguments.required(env, "depth"), Arguments.optional(env, "types"), direction(env),
                        Arguments.required(env, "first")))
                .dataFetcher("shortestPath", env -> entities.shortestPath(GraphQLCaller.require(env),
                        id(env, "from"), id(env, "to"), Arguments.required(env, "maxDepth"),
                        Arguments.optional(env, "types")).orElse(null))
                .dataFetcher("subgraph", env -> entities.subgraph(GraphQLCaller.require(env),
                        Arguments.<List<String>>required(env, "seeds").stream().map(EntityId::parse).toList(),
                        Arguments.required(env, "depth"), Arguments.required(env, "limit"),
                        Arguments.optional(env, "types"))));
        wiring.type("Mutation", type -> type
                .dataFetcher("upsertEntities", env -> entities.upsertEntities(GraphQLCaller.require(env),
                        EntityInputs.entities(Arguments.required(env, "entities"))))
                .dataFetcher("upsertRelationships", env -> entities.upsertRelationships(GraphQLCaller.require(env),
                        EntityInputs.relationships(Arguments.required(env, "relationships"))))
                .dataFetcher("updateEntity", env -> entities.update(GraphQLCaller.require(env), id(env, "id"),
                        EntityInputs.patch(Arguments.required(env, "input"))))
                .dataFetcher("deleteEntity", env -> {
                    entities.delete(GraphQLCaller.require(env), id(env, "id"));
                    return true;
                })
                .dataFetcher("mergeEntities", env -> entities.merge(GraphQLCaller.require(env), id(env, "keep"),
                        id(env, "remove"))));
        wiring.type("Entity", type -> type
                .dataFetcher("id", env -> Arguments.<Entity>source(env).id().toString()));
        wiring.type("Relationship", type -> type
                .dataFetcher("sourceId", env -> Arguments.<Relationship>source(env).source().toString())
                .dataFetcher("targetId", env -> Arguments.<Relationship>source(env).target().toString()));
    }

    private static EntityId id(DataFetchingEnvironment env, String name) {
        return EntityId.parse(Arguments.required(env, name));
    }

    private static Direction direction(DataFetchingEnvironment env) {
        return Direction.valueOf(Arguments.<String>required(env, "direction"));
    }
}
