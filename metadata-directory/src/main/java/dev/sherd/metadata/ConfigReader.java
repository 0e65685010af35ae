package dev.sherd.metadata;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/*
 * YAML text → validated ClusterConfig. Parsing is strict: duplicate keys, unknown keys, aliases and tags are errors,
 * because a misspelt "colocated-with" silently ignored would scatter rows. Malformed YAML is reported with Jackson's line and
 * column and the parser's one-line problem only: the parser's full message quotes the offending source line, which
 * may hold a password, so it is never used, nor chained as a cause.
 */
/** Reads and validates a cluster configuration. Stateless and thread-safe. */
final class ConfigReader {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("shards", "default-shard", "tables", "cache")); // cache: the driver's result cache (CacheSettings)

    private ConfigReader() {
    }

    static ClusterConfig read(String yaml, String source) throws ConfigException {
        ConfigNode root = ConfigNode.root(source, parseYaml(yaml, source));
        if (!root.isPresent()) {
            throw root.error("empty configuration (expected a mapping with at least 'shards')");
        }
        root.allowOnly(TOP_KEYS, "a mapping with 'shards', 'default-shard', 'tables' and 'cache'");
        ConfigNode shardsNode = root.get("shards");
        List<ShardSpec> shards = ShardsReader.read(shardsNode);
        DialectFamily dialect = ShardsReader.commonDialect(shardsNode, shards);
        int defaultShard = defaultShard(root.get("default-shard"), shards);
        Map<String, TableRule> tables = TablesReader.read(root.get("tables"), shards);
        CacheSettings cache = CacheSettingsReader.read(root.get("cache"), root.get("tables")); // result cache
        return new ClusterConfig(source, shards, defaultShard, dialect, tables, cache);
    }

    private static int defaultShard(ConfigNode node, List<ShardSpec> shards) throws ConfigException {
        String name = node.scalarOrNull();
        return name == null ? 0 : ShardsReader.indexOf(node, name, shards);
    }

    private static JsonNode parseYaml(String yaml, String source) throws ConfigException {
        try {
            rejectAliasesAndTags(yaml, source);
            return MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw malformed(source, e.getLocation(), problemOf(e));
        } catch (IOException e) { // cannot happen reading a String; no message, it might quote the document
            throw new ConfigException(source, "", "cannot read YAML (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Jackson's tree reader does not resolve aliases: "password: *abc" would silently read as "abc". Tags are
     * ignored just as silently. Both are refused; the message names neither the alias nor the tag (a password
     * written unquoted as *abc would otherwise be echoed).
     */
    private static void rejectAliasesAndTags(String yaml, String source) throws IOException, ConfigException {
        try (YAMLParser p = (YAMLParser) MAPPER.createParser(yaml)) {
            while (p.nextToken() != null) {
                if (p.isCurrentAlias()) {
                    throw malformed(source, p.currentTokenLocation(),
                            "aliases (*name) are not supported; quote a value that starts with '*'");
                }
                if (p.getTypeId() != null) {
                    throw malformed(source, p.currentTokenLocation(),
                            "tags (!name) are not supported; quote a value that starts with '!'");
                }
            }
        }
    }

    private static ConfigException malformed(String source, JsonLocation at, String problem) {
        String where = at == null || at.getLineNr() < 0
                ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new ConfigException(source, "", "malformed YAML" + where + ": " + problem);
    }

    /** The parser's problem without the quoted source line that its full message carries. */
    private static String problemOf(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblem() != null) {
                return m.getProblem();
            }
        }
        if (e.getCause() != null) {
            return "invalid YAML"; // a parser error of unknown shape: its message might quote the document
        }
        String own = e.getOriginalMessage(); // Jackson's own, e.g. "Duplicate field 's0'": names keys, not values
        int newline = own == null ? -1 : own.indexOf('\n');
        return own == null ? "invalid YAML" : newline < 0 ? own : own.substring(0, newline);
    }
}
