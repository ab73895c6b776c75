package org.kglab.api.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.execution.UnknownOperationException;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.configuration.graphql.GraphQLExecutionResultHandler;
import io.micronaut.configuration.graphql.GraphQLInvocation;
import io.micronaut.configuration.graphql.GraphQLInvocationData;
import io.micronaut.configuration.graphql.GraphQLJsonSerializer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.annotations.Hidden;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GraphQL over HTTP at {@code /graphql}, in place of the library's controller so that every malformed
 * request is the client's error: a 400 (405 for a mutation sent with GET) with a GraphQL-shaped
 * error, never a 500. Subscriptions are refused here: they run over {@link SubscriptionSocket}. Execution itself stays the library's {@link GraphQLInvocation}.
 */
@Controller("${graphql.path:/graphql}")
@Replaces(GraphQLController.class)
@Hidden
final class GraphQLEndpoint {

    private final GraphQLInvocation invocation;
    private final GraphQLExecutionResultHandler results;
    private final GraphQLJsonSerializer serializer;
    private final JsonMapper json;

    GraphQLEndpoint(GraphQLInvocation invocation, GraphQLExecutionResultHandler results,
                    GraphQLJsonSerializer serializer, JsonMapper json) {
        this.invocation = invocation;
        this.results = results;
        this.serializer = serializer;
        this.json = json;
    }

    /** Queries only: GET must be safe, so a mutation is refused (GraphQL over HTTP, 405). */
    @Get(produces = MediaType.APPLICATION_JSON, single = true)
    Publisher<MutableHttpResponse<String>> get(@Nullable @QueryValue String query,
                                               @Nullable @QueryValue String operationName,
                                               @Nullable @QueryValue String variables, HttpRequest<?> request) {
        try {
            GraphQLInvocationData data = GraphQLRequest.fromParameters(json, query, operationName, variables);
            OperationDefinition.Operation operation = operationOf(data);
            if (operation == OperationDefinition.Operation.MUTATION) {
                return Mono.just(refusal(HttpStatus.METHOD_NOT_ALLOWED, "A " + operation.name().toLowerCase(Locale.ROOT)
                        + " cannot be sent with GET, which must not change anything. Send it with POST.")
                        .header(HttpHeaders.ALLOW, HttpMethod.POST.name()));
            }
            return execute(data, request);
        } catch (GraphQLRequest.Malformed e) {
            return Mono.just(refusal(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON, single = true)
    Publisher<MutableHttpResponse<String>> post(@Nullable @Body String body, HttpRequest<?> request) {
        String type = request.getContentType().map(MediaType::getName).orElse("");
        try {
            if (type.equals(MediaType.APPLICATION_JSON)) {
                return execute(GraphQLRequest.fromJsonBody(json, body), request);
            }
            if (type.equals(MediaType.APPLICATION_GRAPHQL)) {
                return execute(GraphQLRequest.fromParameters(json, body, null, null), request);
            }
        } catch (GraphQLRequest.Malformed e) {
            return Mono.just(refusal(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
        return Mono.just(refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send GraphQL requests as application/json: {\"query\": \"…\", \"variables\": {…}}."));
    }

    private Publisher<MutableHttpResponse<String>> execute(GraphQLInvocationData data, HttpRequest<?> request) {
        if (operationOf(data) == OperationDefinition.Operation.SUBSCRIPTION) {
            return Mono.just(refusal(HttpStatus.BAD_REQUEST, "A subscription runs over a WebSocket: connect to "
                    + "/graphql-ws with the graphql-transport-ws protocol (GraphiQL does this for you)."));
        }
        // Status and headers set during execution (a 429, say) land on this response.
        MutableHttpResponse<String> response = HttpResponse.ok();
        Mono<ExecutionResult> result = Mono.defer(() -> Mono.from(invocation.invoke(data, request, response)))
                .onErrorResume(UnknownOperationException.class,
                        e -> Mono.just(new ExecutionResultImpl(error(operationProblem(data)))));
        return Mono.from(results.handleExecutionResult(result))
                .map(body -> response.body(serializer.serialize(body)));
    }

    /** The operation the request would run, or null when the document does not parse (execution says why). */
    private static OperationDefinition.@Nullable Operation operationOf(GraphQLInvocationData data) {
        try {
            return NodeUtil.getOperation(Parser.parse(data.getQuery()), data.getOperationName())
                    .operationDefinition.getOperation();
        } catch (InvalidSyntaxException | UnknownOperationException e) {
            return null;
        }
    }

    private static String operationProblem(GraphQLInvocationData data) {
        return data.getOperationName() == null
                ? "The document has several operations: name the one to run in 'operationName'."
                : "The document has no operation named '" + data.getOperationName() + "'.";
    }

    private MutableHttpResponse<String> refusal(HttpStatus status, String message) {
        var body = Map.of("errors", List.of(error(message).toSpecification()));
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(serializer.serialize(body));
    }

    private static graphql.GraphQLError error(String message) {
        return GraphqlErrorBuilder.newError().message(message).errorType(ErrorCode.BAD_REQUEST).build();
    }
}
