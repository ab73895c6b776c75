package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.documents.PageRequest;
import org.kglab.ingestion.feeds.Feed;
import org.kglab.ingestion.feeds.FeedService;

/** Feeds in GraphQL: follow, list and stop following; each user sees only their own. */
@Singleton
final class FeedWiring implements FeatureWiring {

    private final FeedService feeds;

    FeedWiring(FeedService feeds) {
        this.feeds = feeds;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("feeds", this::feeds));
        wiring.type("Mutation", type -> type
                .dataFetcher("addFeed", env -> feeds.add(GraphQLCaller.require(env), Arguments.required(env, "url"),
                        Arguments.required(env, "every"), WebWiring.visibility(env)))
                .dataFetcher("removeFeed", env -> {
                    feeds.remove(GraphQLCaller.require(env), Arguments.required(env, "id"));
                    return true;
                }));
        wiring.type("Feed", type -> type
                .dataFetcher("nextAttemptAt", env -> Arguments.<Feed>source(env).nextPollAt()));
    }

    private Connection<Feed> feeds(DataFetchingEnvironment env) {
        Integer first = Arguments.optional(env, "first");
        return Connection.of(feeds.page(GraphQLCaller.require(env),
                new PageRequest(first == null ? 20 : first, Arguments.optional(env, "after"))));
    }
}
