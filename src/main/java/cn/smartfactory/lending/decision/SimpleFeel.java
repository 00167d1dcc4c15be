package cn.smartfactory.lending.decision;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the plain FEEL that decision tables are mostly made of — {@code < 18}, {@code [25..55]},
 * {@code "A","B"}, {@code null}, {@code -} — into Java checks, so the common cells skip the FEEL
 * interpreter, whose per-evaluation set-up costs tens of microseconds. Anything outside this subset,
 * and any input whose type the subset does not cover (a null against a comparison, a string against
 * a number), is answered as {@link Result#DEFER} and goes to the full FEEL engine, so the answers
 * are always FEEL's; {@code SimpleFeelTest} checks that against Camunda's engine.
 */
final class SimpleFeel {

    enum Result { MATCH, NO_MATCH, DEFER }

    /** A compiled unary test. */
    interface UnaryTest {
        Result test(Object input);
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern INTERVAL =
            Pattern.compile("([\\[(\\]])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\])\\[])");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "between", "in",
            "instance", "of", "function", "if", "then", "else", "for", "return", "some", "every", "satisfies");

    private SimpleFeel() {
    }

    /** @return the compiled test, or null when the text is outside the subset */
    static UnaryTest compileUnaryTests(String text) {
        List<String> parts = splitDisjunction(text.trim());
        if (parts == null || parts.isEmpty()) {
            return null;
        }
        List<UnaryTest> tests = new ArrayList<>();
        for (String part : parts) {
            UnaryTest test = compileOne(part.trim());
            if (test == null) {
                return null;
            }
            tests.add(test);
        }
        if (tests.size() == 1) {
            return tests.get(0);
        }
        return input -> {
            boolean deferred = false;
            for (UnaryTest test : tests) {
                Result r = test.test(input);
                if (r == Result.MATCH) {
                    return Result.MATCH;
                }
                deferred |= r == Result.DEFER;
            }
            return deferred ? Result.DEFER : Result.NO_MATCH;
        };
    }

    /** Whether the expression is a plain variable name that can be looked up directly. */
    static boolean isVariableName(String text) {
        String t = text.trim();
        return IDENTIFIER.matcher(t).matches() && !KEYWORDS.contains(t);
    }

    /** Whether the expression is a literal whose value does not depend on any variable. */
    static boolean isLiteral(String text) {
        String t = text.trim();
        return NUMBER.matcher(t).matches() || STRING.matcher(t).matches()
                || t.equals("true") || t.equals("false") || t.equals("null");
    }

    private static UnaryTest compileOne(String t) {
        if (t.equals("-")) {
            return input -> Result.MATCH;
        }
        if (t.equals("null")) {
            // FEEL reads a NaN as null; leave such inputs to it.
            return input -> input == null ? Result.MATCH
                    : input instanceof Number && !(input instanceof BigDecimal) && toDecimal(input) == null
                    ? Result.DEFER : Result.NO_MATCH;
        }
        if (t.equals("true") || t.equals("false")) {
            boolean expected = Boolean.parseBoolean(t);
            return input -> input instanceof Boolean b ? result(b == expected) : Result.DEFER;
        }
        Matcher m = STRING.matcher(t);
        if (m.matches()) {
            String expected = m.group(1);
            return input -> input instanceof String s ? result(s.equals(expected)) : Result.DEFER;
        }
        if (NUMBER.matcher(t).matches()) {
            BigDecimal expected = new BigDecimal(t);
            return numeric(n -> n.compareTo(expected) == 0);
        }
        m = COMPARISON.matcher(t);
        if (m.matches()) {
            BigDecimal bound = new BigDecimal(m.group(2));
            return switch (m.group(1)) {
                case "<" -> numeric(n -> n.compareTo(bound) < 0);
                case "<=" -> numeric(n -> n.compareTo(bound) <= 0);
                case ">" -> numeric(n -> n.compareTo(bound) > 0);
                default -> numeric(n -> n.compareTo(bound) >= 0);
            };
        }
        m = INTERVAL.matcher(t);
        if (m.matches()) {
            boolean lowClosed = m.group(1).equals("[");
            BigDecimal low = new BigDecimal(m.group(2));
            BigDecimal high = new BigDecimal(m.group(3));
            boolean highClosed = m.group(4).equals("]");
            return numeric(n -> {
                int lo = n.compareTo(low);
                int hi = n.compareTo(high);
                return (lowClosed ? lo >= 0 : lo > 0) && (highClosed ? hi <= 0 : hi < 0);
            });
        }
        return null;
    }

    private interface NumberCheck {
        boolean test(BigDecimal n);
    }

    private static UnaryTest numeric(NumberCheck check) {
        return input -> {
            BigDecimal n = toDecimal(input);
            return n == null ? Result.DEFER : result(check.test(n));
        };
    }

    /** As FEEL's value mapper reads Java numbers: doubles by their shortest decimal form. */
    private static BigDecimal toDecimal(Object input) {
        if (input instanceof BigDecimal d) {
            return d;
        }
        if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
            return BigDecimal.valueOf(((Number) input).longValue());
        }
        if (input instanceof Double || input instanceof Float) {
            double d = ((Number) input).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (input instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return null;
    }

    /**
     * A variable's value as FEEL hands it back: whole numbers as Long, other numbers as Double,
     * strings and booleans unchanged.
     *
     * @return the value, or {@link Result#DEFER} when FEEL should map it
     */
    static Object asFeelReturnsIt(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            BigDecimal d = toDecimal(value);
            if (d == null) {
                return Result.DEFER;
            }
            if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
                return d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 ? (Object) d.longValue() : Result.DEFER;
            }
            return d.doubleValue();
        }
        return Result.DEFER;
    }

    private static Result result(boolean match) {
        return match ? Result.MATCH : Result.NO_MATCH;
    }

    /** Splits on top-level commas, keeping commas inside string literals; null if quotes do not close. */
    private static List<String> splitDisjunction(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inString = !inString;
            }
            if (c == ',' && !inString) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (inString) {
            return null;
        }
        parts.add(current.toString());
        return parts;
    }
}
