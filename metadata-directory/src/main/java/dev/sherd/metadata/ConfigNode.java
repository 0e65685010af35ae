package dev.sherd.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * A YAML node together with its key path, so every check can fail with "<source>: <path>: <problem>" without the
 * readers threading paths around. A node may be absent (missing key); absent and YAML null are treated alike.
 * Problems describe a value's type, never the value itself: the value might be a password.
 */
/** A located YAML node with checked accessors. Immutable; used by one reader thread. */
final class ConfigNode {
    private final String source;
    private final String path;
    private final JsonNode node;

    private ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node == null || node.isMissingNode() || node.isNull() ? null : node;
    }

    static ConfigNode root(String source, JsonNode node) {
        return new ConfigNode(source, "", node);
    }

    String path() {
        return path;
    }

    boolean isPresent() {
        return node != null;
    }

    ConfigException error(String problem) {
        return new ConfigException(source, path, problem);
    }

    ConfigNode get(String key) {
        return new ConfigNode(source, path.isEmpty() ? key : path + "." + key, node == null ? null : node.get(key));
    }

    /** The entries of a mapping in document order. @throws ConfigException if absent or not a mapping */
    Map<String, ConfigNode> entries(String expected) throws ConfigException {
        if (node == null || !node.isObject()) {
            throw error((node == null ? "missing" : "expected " + expected + " but found " + kind()));
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            out.put(key, get(key));
        }
        return out;
    }

    /** The elements of a list. @throws ConfigException if absent or not a list */
    List<ConfigNode> elements(String expected) throws ConfigException {
        if (node == null || !node.isArray()) {
            throw error((node == null ? "missing" : "expected " + expected + " but found " + kind()));
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new ConfigNode(source, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** Fails on the first key of this mapping not in {@code allowed}, naming that key's path. */
    void allowOnly(Set<String> allowed, String expected) throws ConfigException {
        for (String key : entries(expected).keySet()) {
            if (!allowed.contains(key)) {
                throw get(key).error("unknown key (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** A scalar's text (numbers and booleans as written by Jackson), or null if absent. */
    String scalarOrNull() throws ConfigException {
        if (node == null) {
            return null;
        }
        if (!node.isValueNode()) {
            throw error("expected a single value but found " + kind());
        }
        return node.asText();
    }

    /** A scalar's text. @throws ConfigException if absent, blank or not a scalar */
    String requiredScalar(String hint) throws ConfigException {
        String s = scalarOrNull();
        if (s == null) {
            throw error("missing" + hint);
        }
        if (s.isBlank()) {
            throw error("must not be empty" + hint);
        }
        return s;
    }

    /** A YAML string (quoted or plain, but not a number or boolean), or null if absent. */
    String stringOrNull(String hint) throws ConfigException {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw error("expected a string but found " + kind() + hint);
        }
        return node.asText();
    }

    boolean booleanOr(boolean absent) throws ConfigException {
        if (node == null) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw error("expected true or false but found " + kind());
        }
        return node.booleanValue();
    }

    boolean isNumber() {
        return node != null && node.isNumber();
    }

    boolean isFiniteNumber() {
        return isNumber() && (!node.isFloatingPointNumber() || Double.isFinite(node.doubleValue()));
    }

    JsonNode raw() {
        return node;
    }

    /** "a mapping", "a list", "a number", ...: the type of the value, never the value. */
    String kind() {
        if (node == null) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isTextual() ? "a string" : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
