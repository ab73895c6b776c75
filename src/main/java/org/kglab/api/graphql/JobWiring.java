package org.kglab.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.kglab.jobs.Job;
import org.kglab.jobs.JobId;
import org.kglab.jobs.JobService;
import org.kglab.jobs.JobState;

/** Ingestion jobs in GraphQL: read, list, cancel, retry, follow. The service decides who sees which job. */
@Singleton
final class JobWiring implements FeatureWiring {

    private final JobService jobs;

    JobWiring(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("job", env -> jobs.get(GraphQLCaller.require(env), JobId.parse(Arguments.required(env, "id"))))
                .dataFetcher("jobs", this::jobs));
        wiring.type("Mutation", type -> type
                .dataFetcher("cancelJob", env -> jobs.cancel(GraphQLCaller.require(env),
                        JobId.parse(Arguments.required(env, "id"))))
                .dataFetcher("retryJob", env -> jobs.retry(GraphQLCaller.require(env),
                        JobId.parse(Arguments.required(env, "id")))));
        wiring.type("Subscription", type -> type
                .dataFetcher("jobProgress", env -> jobs.watch(GraphQLCaller.require(env),
                        JobId.parse(Arguments.required(env, "id")))));
    }

    private Connection<Job> jobs(DataFetchingEnvironment env) {
        Integer first = Arguments.optional(env, "first");
        String state = Arguments.optional(env, "state");
        return Connection.of(jobs.page(GraphQLCaller.require(env), first == null ? 20 : first,
                Arguments.optional(env, "after"), state == null ? null : JobState.valueOf(state)));
    }
}
