package cn.smartfactory.lending.decision;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's FEEL engine parses every expression on every evaluation and builds its table of
 * built-in functions for each one; a scorecard with ninety cells then needs about 10 ms per
 * application (see docs/performance.md). This engine answers the plain cells that tables are
 * mostly made of with {@link SimpleFeel}, looks plain variable names up directly, keeps literal
 * outputs, and parses any other expression once. Whatever it cannot answer itself, and every
 * failure, goes to the stock engine, so results and error messages are FEEL's own.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

    /** Bounds memory if expressions are ever generated; a table set has a few hundred. */
    static final int MAX_CACHED = 10_000;

    private static final Object NOT_SIMPLE = new Object();

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
    private final Map<String, Object> simpleTests = new ConcurrentHashMap<>();
    private final Map<String, Object> literals = new ConcurrentHashMap<>();

    public CachingFeelEngine() {
        super(List.of());
    }

    /** For {@code DefaultDmnEngineConfiguration#setFeelEngineFactory}. */
    public static FeelEngineFactory factory() {
        return CachingFeelEngine::new;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        if (SimpleFeel.isVariableName(expression) && variableContext.containsVariable(expression.trim())) {
            var typed = variableContext.resolve(expression.trim());
            Object value = SimpleFeel.asFeelReturnsIt(typed == null ? null : typed.getValue());
            if (value != SimpleFeel.Result.DEFER) {
                return (T) value;
            }
        }
        if (SimpleFeel.isLiteral(expression)) {
            Object value = literals.get(expression);
            if (value == null) {
                value = super.evaluateSimpleExpression(expression, variableContext);
                literals.put(expression, value == null ? NOT_SIMPLE : value);
            }
            return value == NOT_SIMPLE ? null : (T) value;
        }
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        if (parsed != null) {
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new ContextVariableWrapper(variableContext);
                }
            };
            Either<?, Object> result = feelEngine.eval(parsed, context);
            if (result instanceof Right<?, Object> right) {
                return (T) right.value();
            }
        }
        return super.evaluateSimpleExpression(expression, variableContext);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        Object simple = simpleTests.computeIfAbsent(expression, e -> {
            SimpleFeel.UnaryTest test = SimpleFeel.compileUnaryTests(e);
            return test == null ? NOT_SIMPLE : test;
        });
        if (simple instanceof SimpleFeel.UnaryTest test) {
            var typed = variableContext.resolve(inputVariable);
            SimpleFeel.Result result = test.test(typed == null ? null : typed.getValue());
            if (result != SimpleFeel.Result.DEFER) {
                return result == SimpleFeel.Result.MATCH;
            }
        }
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        if (parsed != null) {
            StaticVariableProvider input = new StaticVariableProvider(
                    new Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
            ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new CompositeVariableProvider(toScalaList(input, variables));
                }
            };
            Either<?, Object> result = feelEngine.eval(parsed, context);
            if (result instanceof Right<?, Object> right) {
                return BoxesRunTime.unboxToBoolean(right.value());
            }
        }
        return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
                                           Function<String, Either<?, ParsedExpression>> parser) {
        ParsedExpression parsed = cache.get(expression);
        if (parsed == null) {
            Either<?, ParsedExpression> result = parser.apply(expression);
            if (!(result instanceof Right<?, ParsedExpression> right)) {
                return null;
            }
            parsed = right.value();
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(expression, parsed);
        }
        return parsed;
    }
}
