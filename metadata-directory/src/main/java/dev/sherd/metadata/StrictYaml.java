package dev.sherd.metadata;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/*
 * YAML text -> one SnakeYAML node tree, composed from parser events: no Java objects are constructed, so no tag can
 * instantiate anything. Strict wherever YAML would otherwise misread a configuration silently:
 *  - aliases (*a), anchors (&a) and tags (!t) are refused: an unquoted password that starts with *, & or ! would
 *    otherwise read as another value, as nothing, or as its remainder;
 *  - a repeated key is refused (the second "s0:" would replace the first), and so is a key that is a list or mapping;
 *  - a second document (---) is refused: it would be ignored;
 *  - a number YamlScalar cannot read (.inf, .nan, 1:30.5, 1e400) is refused, as it was when Jackson read the file.
 * Errors read "malformed YAML at line L, column C: <problem>" and are located where the Jackson-based reader located
 * them: a refusal at its node, a parser error just after the last event read. The problem is the parser's one-line
 * problem, never its full message, which quotes the source line (it may hold a password), and no cause is chained.
 */
/** Parses configuration YAML strictly. Stateless and thread-safe: each parse has its own parser. */
final class StrictYaml {
    /** A cluster's configuration is kilobytes; refuse a runaway file before building its tree. */
    private static final int MAX_CODE_POINTS = 1 << 20;
    private static final LoaderOptions OPTIONS = loaderOptions();

    private StrictYaml() {
    }

    /**
     * The root node of the only document in {@code yaml}, or null if there is none (empty, or only comments).
     *
     * @throws ConfigException with an empty key path if the text is not YAML or uses what is refused above
     */
    static Node parse(String yaml, String source) throws ConfigException {
        StrictEvents events = new StrictEvents(new ParserImpl(new StreamReader(yaml), OPTIONS));
        try {
            Composer composer = new StrictComposer(events);
            if (!composer.checkNode()) {
                return null;
            }
            Node root = composer.getNode();
            if (composer.checkNode()) {
                throw new Refusal(events.peekEvent().getStartMark(),
                        "a second YAML document (---) is not supported; keep the configuration in one document");
            }
            return root;
        } catch (Refusal e) {
            throw malformed(source, e.at, e.getMessage());
        } catch (MarkedYAMLException e) {
            throw malformed(source, events.lastEnd(), Objects.requireNonNullElse(e.getProblem(), "invalid YAML"));
        } catch (YAMLException e) { // unmarked: a size or nesting limit, or a forbidden character; quotes no text
            throw malformed(source, events.lastEnd(), e.getMessage());
        }
    }

    /** Only the size needs a limit: aliases, whose expansion the other limits bound, never reach the composer. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    private static ConfigException malformed(String source, Mark at, String problem) {
        String where = at == null ? "" : " at line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1);
        return new ConfigException(source, "", "malformed YAML" + where + ": " + problem);
    }

    /** A refusal at a place in the text; unchecked because Parser and Composer methods cannot throw ConfigException. */
    private static final class Refusal extends RuntimeException {
        private final Mark at;

        Refusal(Mark at, String problem) {
            super(problem, null, false, false);
            this.at = at;
        }
    }

    /** The parser's events, refusing aliases, tags and anchors as the composer takes them. */
    private static final class StrictEvents implements Parser {
        private final Parser parser;
        private Event last;

        StrictEvents(Parser parser) {
            this.parser = parser;
        }

        /** Where the last event taken ends (where a parser error is reported), or null before the first. */
        Mark lastEnd() {
            return last == null ? null : last.getEndMark();
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = parser.getEvent();
            if (event instanceof AliasEvent) {
                throw new Refusal(event.getStartMark(),
                        "aliases (*name) are not supported; quote a value that starts with '*'");
            }
            String tag = event instanceof ScalarEvent s ? s.getTag()
                    : event instanceof CollectionStartEvent c ? c.getTag() : null;
            if (tag != null) {
                throw new Refusal(event.getStartMark(), "tags (!name) are not supported; quote a value that starts with '!'");
            }
            if (event instanceof NodeEvent n && n.getAnchor() != null) {
                throw new Refusal(event.getStartMark(),
                        "anchors (&name) are not supported; quote a value that starts with '&'");
            }
            last = event;
            return event;
        }
    }

    /** Composes nodes, refusing repeated or non-scalar keys and unreadable numbers. */
    private static final class StrictComposer extends Composer {
        private final Map<MappingNode, Set<String>> keysOf = new IdentityHashMap<>();

        StrictComposer(Parser events) {
            super(events, new Resolver(), OPTIONS);
        }

        @Override
        protected Node composeKeyNode(MappingNode mapping) {
            Node key = super.composeKeyNode(mapping);
            if (!(key instanceof ScalarNode scalar)) {
                throw new Refusal(key.getStartMark(), "a key must be a single value, not a list or a mapping");
            }
            if (!keysOf.computeIfAbsent(mapping, m -> new HashSet<>()).add(scalar.getValue())) {
                throw new Refusal(key.getEndMark(), "Duplicate field '" + scalar.getValue() + "'");
            }
            return key;
        }

        @Override
        protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
            Node node = super.composeScalarNode(anchor, blockComments);
            if (!YamlScalar.isNull(node)) {
                try {
                    YamlScalar.of((ScalarNode) node);
                } catch (NumberFormatException e) {
                    throw new Refusal(node.getEndMark(), "unsupported number (infinite, NaN, sexagesimal or beyond"
                            + " a double's range); quote it if it is text");
                }
            }
            return node;
        }
    }
}
