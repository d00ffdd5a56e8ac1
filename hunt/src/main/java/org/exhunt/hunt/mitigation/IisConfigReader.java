package org.exhunt.hunt.mitigation;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.exhunt.core.SourceRef;

/**
 * Reads the rewrite rules and Extended Protection settings of an IIS configuration file
 * ({@code applicationHost.config}, or a site's {@code web.config}) in one streaming pass. No DTD, no external
 * entities: the file is evidence, possibly attacker-written. A file that stops being XML is reported with
 * what was read before the damage ({@link Partial}).
 */
public final class IisConfigReader {

    /** A damaged file: what was read before the damage, the line and column, and the parser's message. */
    public static final class Partial extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient IisConfig read;
        private final int line;
        private final int column;

        Partial(IisConfig read, int line, int column, String message) {
            super(message);
            this.read = read;
            this.line = line;
            this.column = column;
        }

        public IisConfig read() {
            return read;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private IisConfigReader() {}

    /**
     * @param file     the file as the user finds it, for source references
     * @param siteRoot the location a root-level {@code <rules>} applies to: {@code server} for applicationHost.config,
     *                 the site for its {@code web.config}
     */
    public static IisConfig read(byte[] content, String file, String siteRoot) throws Partial {
        List<RewriteRule> rules = new ArrayList<>();
        List<ExtendedProtectionSetting> ep = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<String> locations = new ArrayDeque<>();
        RuleBuilder rule = null;
        XMLStreamReader x = null;
        try {
            x = XML.createXMLStreamReader(new ByteArrayInputStream(content));
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    String parent = path.peek();
                    path.push(name);
                    if (name.equals("location")) {
                        locations.push(attribute(x, "path"));
                    } else if (name.equals("rule") && parent != null && (parent.equals("rules") || parent.equals("globalRules"))
                            && inRewrite(path)) {
                        String scope = parent.equals("globalRules") ? "server" : scope(locations, siteRoot);
                        rule = new RuleBuilder(attribute(x, "name"), scope, !"false".equalsIgnoreCase(attribute(x, "enabled")),
                                SourceRef.line(file, x.getLocation().getLineNumber()));
                    } else if (rule != null && name.equals("match")) {
                        rule.matchUrl = attribute(x, "url");
                    } else if (rule != null && name.equals("action")) {
                        rule.action = attribute(x, "type");
                    } else if (rule != null && name.equals("add") && "conditions".equals(parent)) {
                        rule.conditions.add(new RewriteRule.Condition(attribute(x, "input"), attribute(x, "pattern"),
                                "true".equalsIgnoreCase(attribute(x, "negate")),
                                !"false".equalsIgnoreCase(attribute(x, "ignoreCase"))));
                    } else if (name.equals("extendedProtection") && "windowsAuthentication".equals(parent)) {
                        String tokenChecking = attribute(x, "tokenChecking");
                        ep.add(new ExtendedProtectionSetting(scope(locations, siteRoot),
                                tokenChecking.isEmpty() ? "None" : tokenChecking,
                                SourceRef.line(file, x.getLocation().getLineNumber())));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (name.equals("location") && !locations.isEmpty()) locations.pop();
                    if (name.equals("rule") && rule != null) {
                        rules.add(rule.build());
                        rule = null;
                    }
                }
            }
            return new IisConfig(rules, ep);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
            String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new Partial(new IisConfig(rules, ep), line, column, message.strip());
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over bytes in memory releases nothing that matters
                }
            }
        }
    }

    private static boolean inRewrite(Deque<String> path) {
        return path.stream().skip(2).findFirst().map(n -> n.equals("rewrite")).orElse(false);
    }

    private static String scope(Deque<String> locations, String siteRoot) {
        String location = locations.isEmpty() ? "" : locations.peek().replace('\\', '/');
        while (location.endsWith("/")) location = location.substring(0, location.length() - 1);
        if (location.isEmpty()) return siteRoot;
        return siteRoot.equals("server") ? location : siteRoot + "/" + location;
    }

    private static String attribute(XMLStreamReader x, String name) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return x.getAttributeValue(i);
            }
        }
        return "";
    }

    private static final class RuleBuilder {
        private final String name;
        private final String scope;
        private final boolean enabled;
        private final SourceRef where;
        private String matchUrl = "";
        private String action = "";
        private final List<RewriteRule.Condition> conditions = new ArrayList<>();

        RuleBuilder(String name, String scope, boolean enabled, SourceRef where) {
            this.name = name;
            this.scope = scope;
            this.enabled = enabled;
            this.where = where;
        }

        RewriteRule build() {
            return new RewriteRule(name, scope, enabled, matchUrl, action, conditions, where);
        }
    }
}
