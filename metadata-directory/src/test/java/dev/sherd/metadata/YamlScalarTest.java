package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain scalars are typed as Jackson 2.18 typed them, the rules existing configurations were written against. */
class YamlScalarTest {

    private static ConfigNode value(String yaml) throws ConfigException {
        return ConfigNode.root("t.yaml", StrictYaml.parse("k: " + yaml + "\n", "t.yaml")).get("k");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "true        | a boolean | true",
        "False       | a boolean | false",
        "yes         | a boolean | true",
        "NO          | a boolean | false",
        "on          | a boolean | true",
        "Off         | a boolean | false",
        "y           | a string  | y",
        "yEs         | a string  | yEs",
        "42          | a number  | 42",
        "+5          | a number  | 5",
        "-0          | a number  | 0",
        "1_000       | a number  | 1000",
        "0x10        | a number  | 16",
        "0b101       | a number  | 5",
        "012         | a number  | 10",
        "08          | a string  | 08",
        "0o17        | a string  | 0o17",
        "1:30        | a string  | 1:30",
        "123456789012345678901234567890 | a number | 123456789012345678901234567890",
        "1.50        | a number  | 1.5",
        "1.          | a number  | 1.0",
        ".5          | a number  | 0.5",
        "1e3         | a number  | 1000.0",
        "0.000001    | a number  | 1.0E-6",
        "NaN         | a string  | NaN",
        "2024-03-01  | a string  | 2024-03-01",
        "<<          | a string  | <<",
        "'yes'       | a string  | yes",
        "`\"42\"`    | a string  | 42",
        "'~'         | a string  | ~",
        "`''`        | a string  | ``"})
    void plainScalar_isTypedAsJacksonTypedIt(String yaml, String kind, String text) throws ConfigException {
        ConfigNode node = value(yaml);
        assertEquals(kind, node.kind());
        assertEquals(text, node.text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1_000    | 1000",
        "0x10     | 16",
        "-012     | -10",
        "1.50     | 1.5",
        "0.1      | 0.1",
        "1e3      | 1000.0",
        "1e23     | 9.999999999999999E+22"})
    void number_hasTheValueJacksonGaveIt(String yaml, String value) throws ConfigException {
        assertEquals(new BigDecimal(value), value(yaml).decimalValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
    void nullForms_areAbsent(String yaml) throws ConfigException {
        assertFalse(value(yaml).isPresent());
    }
}
