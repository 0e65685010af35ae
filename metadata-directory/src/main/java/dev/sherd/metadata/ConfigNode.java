package dev.sherd.metadata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/*
 * A YAML node together with its key path, so every check can fail with "<source>: <path>: <problem>" without the
 * readers threading paths around. A node may be absent (missing key); absent and YAML null are treated alike. A key is
 * its scalar's text as written (StrictYaml has refused other keys and repeated ones); a value's type follows
 * YamlScalar (StrictYaml has refused the numbers it cannot read). Problems describe a value's type, never the value
 * itself: the value might be a password.
 */
/** A located YAML node with checked accessors. Immutable; used by one reader thread. */
final class ConfigNode {
    private final String source;
    private final String path;
    private final Node node;
    /** The typed value when the node is a scalar, else null. */
    private final YamlScalar scalar;

    private ConfigNode(String source, String path, Node node) {
        this.source = source;
        this.path = path;
        this.node = node == null || YamlScalar.isNull(node) ? null : node;
        this.scalar = this.node instanceof ScalarNode s ? YamlScalar.of(s) : null;
    }

    /** The document's root; {@code node} is null for an empty document. */
    static ConfigNode root(String source, Node node) {
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

    /** The value under {@code key}; absent if there is none or this node is not a mapping. */
    ConfigNode get(String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (keyOf(entry).equals(key)) {
                    return child(key, entry.getValueNode());
                }
            }
        }
        return child(key, null);
    }

    /** The entries of a mapping in document order. @throws ConfigException if absent or not a mapping */
    Map<String, ConfigNode> entries(String expected) throws ConfigException {
        if (!(node instanceof MappingNode mapping)) {
            throw error((node == null ? "missing" : "expected " + expected + " but found " + kind()));
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            String key = keyOf(entry);
            out.put(key, child(key, entry.getValueNode()));
        }
        return out;
    }

    /** The elements of a list. @throws ConfigException if absent or not a list */
    List<ConfigNode> elements(String expected) throws ConfigException {
        if (!(node instanceof SequenceNode list)) {
            throw error((node == null ? "missing" : "expected " + expected + " but found " + kind()));
        }
        List<ConfigNode> out = new ArrayList<>();
        for (Node element : list.getValue()) {
            out.add(new ConfigNode(source, path + "[" + out.size() + "]", element));
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

    /** A scalar's text (numbers and booleans in canonical form, see YamlScalar), or null if absent. */
    String scalarOrNull() throws ConfigException {
        if (node == null) {
            return null;
        }
        if (scalar == null) {
            throw error("expected a single value but found " + kind());
        }
        return scalar.text();
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
        if (!isString()) {
            throw error("expected a string but found " + kind() + hint);
        }
        return scalar.text();
    }

    boolean booleanOr(boolean absent) throws ConfigException {
        if (node == null) {
            return absent;
        }
        if (!isBoolean()) {
            throw error("expected true or false but found " + kind());
        }
        return Boolean.parseBoolean(scalar.text());
    }

    boolean isNumber() {
        return is(YamlScalar.Kind.NUMBER);
    }

    /** A YAML string: quoted, or plain but not a number, boolean or null. */
    boolean isString() {
        return is(YamlScalar.Kind.STRING);
    }

    boolean isBoolean() {
        return is(YamlScalar.Kind.BOOLEAN);
    }

    /** The text of a present scalar, as {@link #scalarOrNull()} gives it. Only for a number, string or boolean. */
    String text() {
        return scalar.text();
    }

    /** The exact value of a number (1.50 as 1.5, a float as its double). Only for a number. */
    BigDecimal decimalValue() {
        return scalar.number();
    }

    /** "a mapping", "a list", "a number", ...: the type of the value, never the value. */
    String kind() {
        if (node == null) {
            return "nothing";
        }
        if (scalar == null) {
            return node instanceof MappingNode ? "a mapping" : "a list";
        }
        return switch (scalar.kind()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
        };
    }

    private boolean is(YamlScalar.Kind kind) {
        return scalar != null && scalar.kind() == kind;
    }

    private ConfigNode child(String key, Node value) {
        return new ConfigNode(source, path.isEmpty() ? key : path + "." + key, value);
    }

    private static String keyOf(NodeTuple entry) {
        return ((ScalarNode) entry.getKeyNode()).getValue();
    }
}
