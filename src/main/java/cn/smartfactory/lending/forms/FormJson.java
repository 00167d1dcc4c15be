package cn.smartfactory.lending.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and writes Camunda Forms files in the layout Camunda Modeler saves them (two-space indent, one member
 * per line, non-ASCII text as is, a final newline), so a form a generator rewrites differs from the committed
 * file only where its content does.
 */
public final class FormJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormJson() {
    }

    public static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(JsonNode form) {
        StringBuilder out = new StringBuilder();
        write(form, out, 0);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, StringBuilder out, int indent) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                pad(out, indent + 2);
                quote(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), out, indent + 2);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            pad(out, indent);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                pad(out, indent + 2);
                write(node.get(i), out, indent + 2);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            pad(out, indent);
            out.append(']');
        } else if (node.isTextual()) {
            quote(node.asText(), out);
        } else {
            out.append(node.toString());
        }
    }

    private static void pad(StringBuilder out, int spaces) {
        out.append(" ".repeat(spaces));
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
