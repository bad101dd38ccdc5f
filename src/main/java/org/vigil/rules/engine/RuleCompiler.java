package org.vigil.rules.engine;

import static java.util.Objects.requireNonNull;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import dev.cel.validator.validators.RegexLiteralValidator;
import java.util.List;

/**
 * Compiles rule conditions: CEL expressions over the variables of {@link Signals} that evaluate to
 * a boolean.
 *
 * <p>A condition is accepted only if it parses, uses no other variables than those of {@link
 * Signals}, type-checks, has type {@code bool}, and stays within the bounds below; otherwise
 * {@link #compile(String)} throws a {@link RuleCompileException} listing every problem with its
 * position. The standard CEL functions and macros ({@code has}, {@code all}, {@code exists}, {@code
 * exists_one}, {@code map}, {@code filter}) are available. Numbers of different types may be
 * compared ({@code scores["hate"] > 0}, {@code report_count >= 2.5}), but not tested for equality
 * ({@code report_count == 1.0} is a type error).
 *
 * <p>Bounds that keep hostile conditions cheap:
 *
 * <ul>
 *   <li>at most {@value #MAX_CONDITION_LENGTH} characters and {@value #MAX_NESTING_DEPTH} levels
 *       of nesting;
 *   <li>at most {@value #MAX_COMPREHENSION_ITERATIONS} comprehension iterations in one evaluation,
 *       nested ones included ({@code all}, {@code exists}, {@code map}...): beyond that the
 *       evaluation fails and the rule does not match;
 *   <li>regular expressions are RE2 (linear time), of bounded program size; a literal pattern that
 *       does not compile is refused at compile time, and patterns are compiled once, not at each
 *       evaluation.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; one is enough for the application.
 */
public final class RuleCompiler {

    /** Maximum length of a condition, in UTF-16 code units ({@link String#length()}). */
    public static final int MAX_CONDITION_LENGTH = 4_000;

    /** Maximum total number of comprehension iterations in one evaluation of a condition. */
    public static final int MAX_COMPREHENSION_ITERATIONS = 1_000;

    /** Maximum nesting depth of a condition (parentheses, calls, operators...). */
    public static final int MAX_NESTING_DEPTH = 100;

    /** Maximum size of the RE2 program of a regular expression given to {@code matches}. */
    public static final int MAX_REGEX_PROGRAM_SIZE = 1_000;

    private static final String DESCRIPTION = "rule";
    private static final String EMPTY_CONTAINER_SUFFIX = " (in container '')";

    private final Cel cel;
    private final CelValidator validator;

    /** Creates a compiler for conditions over {@link Signals}. */
    public RuleCompiler() {
        CelOptions options =
                CelOptions.current()
                        .enableHeterogeneousNumericComparisons(true)
                        .maxExpressionCodePointSize(MAX_CONDITION_LENGTH)
                        .maxParseRecursionDepth(MAX_NESTING_DEPTH)
                        .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                        .maxRegexProgramSize(MAX_REGEX_PROGRAM_SIZE)
                        .build();
        var builder =
                CelFactory.plannerCelBuilder()
                        .setOptions(options)
                        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                        .setStandardFunctions(
                                CelStandardFunctions.newBuilder()
                                        .excludeFunctions(CelStandardFunctions.StandardFunction.MATCHES)
                                        .build())
                        .addFunctionBindings(new RegexMatches(MAX_REGEX_PROGRAM_SIZE).bindings())
                        .setResultType(SimpleType.BOOL);
        for (SignalVariable variable : SignalVariable.values()) {
            builder.addVar(variable.celName(), variable.celType());
        }
        this.cel = builder.build();
        this.validator =
                CelValidatorFactory.standardCelValidatorBuilder(cel)
                        .addAstValidators(RegexLiteralValidator.INSTANCE)
                        .build();
    }

    /**
     * Compiles a condition.
     *
     * @param condition CEL text of the condition, e.g. {@code reason == "self_harm" &&
     *     scores["self_harm"] > 0.8}
     * @return the compiled rule
     * @throws RuleCompileException if the condition is refused; its problems say why and where
     */
    public CompiledRule compile(String condition) {
        return compile(condition, true);
    }

    /** Compiles a condition, with or without its {@link Guards} (tests compare the two). */
    CompiledRule compile(String condition, boolean guarded) {
        requireNonNull(condition, "condition");
        if (condition.isBlank()) {
            throw refused(condition, RuleProblem.at(condition, 0, "condition is empty"));
        }
        if (condition.length() > MAX_CONDITION_LENGTH) {
            throw refused(
                    condition,
                    RuleProblem.at(
                            condition,
                            MAX_CONDITION_LENGTH,
                            "condition is longer than "
                                    + MAX_CONDITION_LENGTH
                                    + " characters: "
                                    + condition.length()));
        }
        CelAbstractSyntaxTree ast = checked(condition, cel.compile(condition, DESCRIPTION));
        checked(condition, validator.validate(ast));
        try {
            return new CompiledRule(condition, cel.createProgram(ast), guarded ? Guards.of(ast) : Guards.NONE);
        } catch (CelEvaluationException e) {
            throw refused(condition, RuleProblem.at(condition, 0, e.getMessage()));
        }
    }

    private static CelAbstractSyntaxTree checked(String condition, CelValidationResult result) {
        if (!result.hasError()) {
            try {
                return result.getAst();
            } catch (CelValidationException e) {
                throw new IllegalStateException("a result without errors has a syntax tree", e);
            }
        }
        List<CelIssue> errors = result.getErrors();
        if (errors.isEmpty()) {
            throw refused(condition, RuleProblem.at(condition, 0, failureMessage(result)));
        }
        throw new RuleCompileException(
                condition,
                errors.stream().map(issue -> problem(condition, result.getSource(), issue)).toList());
    }

    private static RuleProblem problem(String condition, CelSource source, CelIssue issue) {
        CelSourceLocation location = issue.getSourceLocation();
        int codePointOffset =
                CelSourceLocation.NONE.equals(location)
                        ? 0
                        : source.getLocationOffset(location).orElse(0);
        return RuleProblem.at(
                condition, utf16Offset(condition, codePointOffset), readable(issue.getMessage()));
    }

    private static int utf16Offset(String text, int codePointOffset) {
        int codePoints = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.clamp(codePointOffset, 0, codePoints));
    }

    private static String readable(String message) {
        return message.endsWith(EMPTY_CONTAINER_SUFFIX)
                ? message.substring(0, message.length() - EMPTY_CONTAINER_SUFFIX.length())
                : message;
    }

    private static String failureMessage(CelValidationResult result) {
        try {
            result.getAst();
            return "condition refused";
        } catch (CelValidationException e) {
            return e.getMessage();
        }
    }

    private static RuleCompileException refused(String condition, RuleProblem problem) {
        return new RuleCompileException(condition, List.of(problem));
    }
}
