package io.monago.atrium.gateway.rules;

import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * Compiles rule conditions: parses them, checks every variable and operator against
 * {@link RuleVariables}, and requires a boolean result. Building the CEL environment takes a moment,
 * so one compiler serves a whole policy load; it is safe to share.
 *
 * <pre>{@code
 * Condition c = new RuleCompiler(10_000).compile("'NPWP' in pii.types && request.model.startsWith('gpt')");
 * }</pre>
 */
public final class RuleCompiler {

    /** Steps a condition may take before it is stopped: far above any sensible rule. */
    public static final long DEFAULT_COST_LIMIT = 10_000;

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    private final long costLimit;

    /** A compiler whose conditions stop after {@link #DEFAULT_COST_LIMIT} steps. */
    public RuleCompiler() {
        this(DEFAULT_COST_LIMIT);
    }

    /**
     * A compiler whose conditions stop after the given number of steps.
     *
     * @param costLimit steps (expression nodes evaluated) a condition may take on one call
     */
    public RuleCompiler(long costLimit) {
        CelOptions options = CelOptions.current()
                // Every iteration is at least one step, so the step count stops a loop first; this
                // is the runtime's own backstop, kept at the same bound.
                .comprehensionMaxIterations((int) Math.min(costLimit, Integer.MAX_VALUE))
                .maxExpressionCodePointSize(10_000)
                .build();
        CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings())
                .setResultType(SimpleType.BOOL);
        RuleVariables.types().forEach(b::addVar);
        this.compiler = b.build();
        this.runtime = CelRuntimeFactory.legacyCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(CelExtensions.strings())
                .build();
        this.costLimit = costLimit;
    }

    /**
     * Compiles one condition.
     *
     * @param expression the CEL text
     * @return the condition, ready to evaluate
     * @throws RuleCompileException naming the first problem and where in the text it is
     */
    public Condition compile(String expression) {
        CelValidationResult result = compiler.compile(expression);
        if (result.hasError()) {
            CelIssue first = result.getErrors().get(0);
            int line = first.getSourceLocation().getLine();
            int column = first.getSourceLocation().getColumn() + 1;
            throw new RuleCompileException(Math.max(line, 1), Math.max(column, 1), first.getMessage());
        }
        try {
            return new Condition(runtime.createProgram(result.getAst()), costLimit);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new RuleCompileException(1, 1, e.getMessage());
        }
    }
}
