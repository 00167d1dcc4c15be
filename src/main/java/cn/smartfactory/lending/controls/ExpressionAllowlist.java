package cn.smartfactory.lending.controls;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which expressions a diagram may contain: variable names, literals, comparisons, logic and
 * arithmetic — {@code ${approvalDecision == 'APPROVE' || amount > 300000}} — and nothing that reaches
 * into Java: no property access or method call ({@code ${execution.getProcessEngineServices()}}), no
 * function call, no indexing. A delegate is exactly {@code ${beanName}} of one of the platform's
 * registered beans.
 */
final class ExpressionAllowlist {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*",
            "/", "%", "?", ":", "(", ")");

    private ExpressionAllowlist() {
    }

    /** Why a value with expressions is not allowed, or empty when every expression in it is. */
    static Optional<String> check(String value) {
        if (value == null || !(value.contains("${") || value.contains("#{"))) {
            return Optional.empty();
        }
        Matcher m = EXPRESSION.matcher(value);
        while (m.find()) {
            Optional<String> problem = checkBody(m.group(1));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** A delegate reference: {@code ${name}} of an allowed bean. */
    static Optional<String> checkDelegate(String value, Set<String> beans) {
        Matcher m = DELEGATE.matcher(value == null ? "" : value.trim());
        if (!m.matches()) {
            return Optional.of("委托只能写成 ${平台组件名} / a delegate must be ${beanName} of a platform component");
        }
        if (!beans.contains(m.group(1))) {
            return Optional.of("'" + m.group(1) + "' 不是平台注册的组件 / is not one of the platform's registered components");
        }
        return Optional.empty();
    }

    private static Optional<String> checkBody(String body) {
        int i = 0;
        String previousIdentifier = null;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < body.length() && body.charAt(end) != c) {
                    end += body.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= body.length()) {
                    return Optional.of("字符串未结束 / an unterminated string");
                }
                i = end + 1;
                previousIdentifier = null;
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.')) {
                    i++;
                }
                previousIdentifier = null;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
                    i++;
                }
                previousIdentifier = body.substring(start, i);
                continue;
            }
            String two = i + 1 < body.length() ? body.substring(i, i + 2) : "";
            String op = OPERATORS.contains(two) ? two : String.valueOf(c);
            if (!OPERATORS.contains(op)) {
                return Optional.of("不允许字符 '" + c + "'(不能访问属性、调用方法或取下标)/ '" + c
                        + "' is not allowed (no property access, method call or indexing)");
            }
            if ("(".equals(op) && previousIdentifier != null && !Set.of("and", "or", "not", "empty").contains(previousIdentifier)) {
                return Optional.of("不允许调用函数 " + previousIdentifier + "() / calling " + previousIdentifier + "() is not allowed");
            }
            i += op.length();
            previousIdentifier = null;
        }
        return Optional.empty();
    }
}
