package dev.sherd.metadata;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/*
 * What a YAML scalar means. The rules are those configurations were written against while Sherd read them with
 * Jackson 2.18: SnakeYAML's YAML 1.1 resolver tags each plain scalar, then Jackson read the tag as follows.
 *  - Quoted and block scalars are strings, and so is every plain scalar not tagged bool, int, float or null
 *    (2024-03-01, <<, y, n).
 *  - bool: true/false, yes/no, on/off, in the case forms YAML 1.1 allows (True, YES, ...).
 *  - int: decimal, 0x hex, 0b binary, octal after a leading 0, '_' ignored. Sexagesimal 1:30 is a string.
 *  - float: 1.5, .5, 1., 1e3, read as a double. .inf, .nan, sexagesimal 1:30.5 and values beyond a double's range
 *    cannot be read (Jackson refused the document; StrictYaml still does).
 *  - null: ~, null, Null, NULL and the empty plain scalar.
 * A number's text is its canonical form (0x10 -> 16, 1_000 -> 1000, 1.50 -> 1.5, 1e3 -> 1000.0), as Jackson gave
 * it, so pool settings, user names and range bounds keep the meaning they had.
 */
/** A non-null YAML scalar with its type. Immutable. */
record YamlScalar(Kind kind, String text, BigDecimal number) {

    enum Kind { STRING, NUMBER, BOOLEAN }

    /** Whether {@code node} is YAML null. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /**
     * The typed value of a scalar that is not null.
     *
     * @throws NumberFormatException if it is a float that cannot be read as a finite double
     */
    static YamlScalar of(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (Tag.BOOL.equals(tag)) {
            boolean value = text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes") || text.equalsIgnoreCase("on");
            return new YamlScalar(Kind.BOOLEAN, Boolean.toString(value), null);
        }
        if (Tag.INT.equals(tag) && text.indexOf(':') < 0) {
            BigInteger value = integer(text.replace("_", ""));
            return new YamlScalar(Kind.NUMBER, value.toString(), new BigDecimal(value));
        }
        if (Tag.FLOAT.equals(tag)) {
            double value = Double.parseDouble(text.replace("_", ""));
            if (!Double.isFinite(value)) {
                throw new NumberFormatException("not a finite double");
            }
            return new YamlScalar(Kind.NUMBER, Double.toString(value), BigDecimal.valueOf(value));
        }
        return new YamlScalar(Kind.STRING, text, null);
    }

    /** A YAML 1.1 int without underscores: [-+] then 0x hex, 0b binary, 0 octal or decimal. */
    private static BigInteger integer(String digits) {
        boolean negative = digits.startsWith("-");
        String unsigned = negative || digits.startsWith("+") ? digits.substring(1) : digits;
        BigInteger value;
        if (unsigned.startsWith("0x")) {
            value = new BigInteger(unsigned.substring(2), 16);
        } else if (unsigned.startsWith("0b")) {
            value = new BigInteger(unsigned.substring(2), 2);
        } else if (unsigned.startsWith("0") && unsigned.length() > 1) {
            value = new BigInteger(unsigned.substring(1), 8);
        } else {
            value = new BigInteger(unsigned);
        }
        return negative ? value.negate() : value;
    }
}
