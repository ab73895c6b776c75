package org.kglab.api.graphql;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

import org.kglab.chunks.ChunkService;
import org.kglab.documents.PageRequest;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Bounds what one operation may make the service produce, before any fetcher runs. Depth and field
 * complexity count fields, not bytes: a few aliases of one large text would multiply it into
 * gigabytes. So an operation may use at most {@value #MAX_ALIASES} aliases and {@value #MAX_ROOT_FIELDS}
 * root fields, and the text it may return is counted against a budget: each {@code Document.text}
 * costs its {@code maxLength}, and each {@code Chunk.text} the longest a chunk can be, times the page sizes
 * ({@code first}) of the lists around it.
 */
final class OperationLimits extends SimplePerformantInstrumentation {

    static final int MAX_ALIASES = 30;
    static final int MAX_ROOT_FIELDS = 20;
    static final long MAX_TEXT_CHARS = 4_000_000;

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        var tally = new Tally();
        QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .visitPreOrder(tally);
        tally.check();
        return SimpleInstrumentationContext.noOp();
    }

    /** Counts while walking the operation, fragments expanded. */
    private static final class Tally extends QueryVisitorStub {

        private int aliases;
        private int rootFields;
        private long textChars;

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            if (env.getField().getAlias() != null) {
                aliases++;
            }
            if (env.getParentEnvironment() == null) {
                rootFields++;
            }
            if (!env.isTypeNameIntrospectionField() && env.getFieldsContainer().getName().equals("Document")
                    && env.getField().getName().equals("text")) {
                textChars = saturated(textChars + saturated((long) maxLength(env) * pageSizes(env)));
            }
            if (!env.isTypeNameIntrospectionField() && env.getFieldsContainer().getName().equals("Chunk")
                    && env.getField().getName().equals("text")) {
                textChars = saturated(textChars + saturated((long) ChunkService.MAX_CHUNK_CHARS * pageSizes(env)));
            }
        }

        void check() {
            if (aliases > MAX_ALIASES) {
                throw refused("This operation uses " + aliases + " aliases; the limit is " + MAX_ALIASES
                        + " per operation. Split it into several requests, or page through documents with "
                        + "documents(first:, after:).");
            }
            if (rootFields > MAX_ROOT_FIELDS) {
                throw refused("This operation selects " + rootFields + " root fields; the limit is "
                        + MAX_ROOT_FIELDS + " per operation. Split it into several requests.");
            }
            if (textChars > MAX_TEXT_CHARS) {
                throw refused("This operation may return up to " + number(textChars) + " characters of document "
                        + "text; the limit is " + number(MAX_TEXT_CHARS) + " per request. Ask for less with "
                        + "text(maxLength:) (" + number(DocumentWiring.TEXT_DEFAULT_LENGTH) + " unless given) or "
                        + "fewer documents (first:), and read a long text in parts with text(offset:, maxLength:).");
            }
        }

        private static int maxLength(QueryVisitorFieldEnvironment env) {
            Object maxLength = env.getArguments().get("maxLength");
            // Explicit null means the default; a negative length is refused by the fetcher.
            return maxLength instanceof Integer length ? Math.max(length, 0) : DocumentWiring.TEXT_DEFAULT_LENGTH;
        }

        /** How many times the field may occur: the product of the page sizes of the lists around it. */
        private static long pageSizes(QueryVisitorFieldEnvironment env) {
            long product = 1;
            for (var parent = env.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
                if (parent.getFieldDefinition().getArgument("first") != null) {
                    // An omitted size is already its default here; an explicit null counts as the largest page.
                    // A size out of range is refused by the fetcher.
                    Object first = parent.getArguments().get("first");
                    product = saturated(product * (first instanceof Integer size ? Math.max(size, 1)
                            : PageRequest.MAX_FIRST));
                }
            }
            return product;
        }

        private static long saturated(long value) {
            return Math.min(value, Integer.MAX_VALUE);
        }
    }

    private static AbortExecutionException refused(String message) {
        return new AbortExecutionException(message);
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }
}
