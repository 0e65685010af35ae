package dev.sherd.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The corpus statements the driver must refuse, read from {@code conformance/expected-refusals.txt}.
 *
 * <p>Format: one line per statement, {@code <corpus id> | <exception> | <why it cannot be answered
 * exactly>}; {@code #} starts a comment line. {@code <exception>} is
 * {@code SQLFeatureNotSupportedException} (the general refusal) or {@code SQLException} (used for
 * a transaction that would span a second shard: any SQLException whose message mentions the
 * transaction). The list is kept honest both ways: an unlisted refusal fails the suite, and so does
 * a listed statement that the driver now answers. Immutable.
 */
final class ExpectedRefusals {

    static final String FILE = "conformance/expected-refusals.txt";

    enum Kind { FEATURE_NOT_SUPPORTED, SQL_EXCEPTION }

    record Refusal(String id, Kind kind, String reason) {
    }

    private final Map<String, Refusal> byId;

    private ExpectedRefusals(Map<String, Refusal> byId) {
        this.byId = Map.copyOf(byId);
    }

    static ExpectedRefusals load() {
        return parse(CorpusParser.resource(FILE));
    }

    static ExpectedRefusals parse(String text) {
        Map<String, Refusal> map = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            if (parts.length != 3 || parts[2].isBlank()) {
                throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": expected '<id> | <exception> | <reason>': " + line);
            }
            String id = parts[0].strip();
            Kind kind = switch (parts[1].strip()) {
                case "SQLFeatureNotSupportedException" -> Kind.FEATURE_NOT_SUPPORTED;
                case "SQLException" -> Kind.SQL_EXCEPTION;
                default -> throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": unknown exception kind " + parts[1].strip());
            };
            if (map.put(id, new Refusal(id, kind, parts[2].strip())) != null) {
                throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": duplicate id " + id);
            }
        }
        return new ExpectedRefusals(map);
    }

    Optional<Refusal> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Set<String> ids() {
        return byId.keySet();
    }

    int size() {
        return byId.size();
    }
}
