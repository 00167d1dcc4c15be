package cn.smartfactory.lending.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Counts the SQL statements an engine sends, by kind (select, insert, update, delete), through a
 * proxy around its DataSource; a JDBC batch counts each of its rows. Optionally captures the SQL
 * text with its parameters so a benchmark can EXPLAIN exactly what the engine ran.
 */
public final class StatementCounter {

    /** A statement as the engine ran it: text and positional parameters. */
    public record Captured(String sql, List<Object> parameters) {
    }

    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile(
            "(?i)^\\s*(select\\b.*?\\bfrom|insert\\s+into|update|delete\\s+from)\\s+([a-z0-9_]+)", java.util.regex.Pattern.DOTALL);

    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byTarget = new ConcurrentHashMap<>();
    private volatile List<Captured> capture;

    public DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    /** Statements since the last reset, by kind. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        byKind.forEach((kind, n) -> counts.put(kind, n.sum()));
        return counts;
    }

    public long total() {
        return byKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public void reset() {
        byKind.clear();
        byTarget.clear();
    }

    /** Statements since the last reset by kind and table ("insert act_hi_varinst"), most frequent first. */
    public List<Map.Entry<String, Long>> byTarget() {
        return byTarget.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
    }

    /** Starts keeping the text and parameters of every statement until {@link #stopCapture()}. */
    public void startCapture() {
        capture = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    public List<Captured> stopCapture() {
        List<Captured> captured = capture == null ? List.of() : List.copyOf(capture);
        capture = null;
        return captured;
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof PreparedStatement ps && method.getName().startsWith("prepare")) {
                        return statement(ps, PreparedStatement.class, (String) args[0]);
                    }
                    if (result instanceof Statement s && method.getName().equals("createStatement")) {
                        return statement(s, Statement.class, null);
                    }
                    return result;
                });
    }

    private Object statement(Statement target, Class<? extends Statement> type, String preparedSql) {
        List<Object> parameters = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                while (parameters.size() < index) {
                    parameters.add(null);
                }
                parameters.set(index - 1, name.equals("setNull") ? null : args[1]);
            } else if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"))) {
                String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? (String) args[0] : "";
                count(sql);
                List<Captured> sink = capture;
                if (sink != null) {
                    sink.add(new Captured(sql, java.util.Collections.unmodifiableList(new ArrayList<>(parameters))));
                }
            }
            return invoke(target, method, args);
        };
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private void count(String sql) {
        String trimmed = sql.stripLeading();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        String kind = trimmed.substring(0, end).toLowerCase(Locale.ROOT);
        byKind.computeIfAbsent(kind.isEmpty() ? "other" : kind, k -> new LongAdder()).increment();
        java.util.regex.Matcher m = TARGET.matcher(trimmed);
        String target = kind + " " + (m.find() ? m.group(2).toLowerCase(Locale.ROOT) : "?");
        byTarget.computeIfAbsent(target, k -> new LongAdder()).increment();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
