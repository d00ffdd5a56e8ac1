package org.exhunt.hunt.mitigation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Limits;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.ExtendedProtection;
import org.exhunt.core.facts.MitigationFound;
import org.exhunt.core.facts.Mitigations;
import org.exhunt.evidence.EvidenceBytes;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.UrlRewriteMitigation;

/**
 * Finds the URL-rewrite mitigations and Extended Protection settings of a server in its IIS configuration:
 * {@code Windows\System32\inetsrv\config\applicationHost.config} and the Default Web Site's
 * {@code inetpub\wwwroot\web.config}, where EOMT and EOMTv2 put their rules. A rule counts when it is enabled,
 * aborts the request, covers every URL of the Default Web Site (or the whole server) and carries the
 * condition the knowledge base describes; a rule that matches in content but not in effect is named with the
 * reason it does not count.
 */
public final class MitigationFinder {

    static final String APPLICATION_HOST = "windows/system32/inetsrv/config/applicationhost.config";
    static final String SITE_WEB_CONFIG = "inetpub/wwwroot/web.config";
    static final String SITE = "Default Web Site";

    private final KnowledgeBase kb;
    private final List<MitigationFound> found = new ArrayList<>();
    private final List<ExtendedProtectionSetting> extendedProtection = new ArrayList<>();
    private boolean sawApplicationHost;

    public MitigationFinder(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Reads the file when it is one of the two IIS configuration files; ignores it otherwise. */
    public synchronized void examine(EvidenceFile file, Consumer<Diagnostic> problems) {
        String p = file.drivePath().toLowerCase(Locale.ROOT);
        boolean appHost = p.equals(APPLICATION_HOST);
        if (!appHost && !p.equals(SITE_WEB_CONFIG)) return;
        sawApplicationHost |= appHost;
        byte[] content = read(file, problems);
        if (content == null) return;
        IisConfig config;
        try {
            config = IisConfigReader.read(content, file.windowsPath(), appHost ? "server" : SITE);
        } catch (IisConfigReader.Partial e) {
            problems.accept(Diagnostic.error("iis.config-malformed", new SourceRef(file.ref().file(), e.line(), -1, null),
                    file.windowsPath() + " is not well-formed XML from line " + e.line() + ", column " + e.column() + " ("
                            + e.getMessage() + "): rules after that point were not read"));
            config = e.read();
        }
        for (RewriteRule rule : config.rules()) match(rule);
        if (appHost) extendedProtection.addAll(config.extendedProtection());
    }

    private static byte[] read(EvidenceFile file, Consumer<Diagnostic> problems) {
        try {
            return EvidenceBytes.read(file, Limits.IIS_CONFIG_BYTES);
        } catch (IOException e) {
            problems.accept(Diagnostic.error("read.failed", file.ref(), file.windowsPath() + " could not be read: "
                    + e.getMessage() + "; its rewrite rules were not read"));
            return null;
        }
    }

    private void match(RewriteRule rule) {
        for (UrlRewriteMitigation m : kb.mitigations()) {
            if (rule.conditions().stream().noneMatch(c -> carries(c, m))) continue;
            String notCounted = whyNotCounted(rule);
            MitigationFound.Status status = !m.effective() ? MitigationFound.Status.SUPERSEDED
                    : notCounted != null ? MitigationFound.Status.NOT_COUNTED : MitigationFound.Status.COUNTED;
            String why = switch (status) {
                case SUPERSEDED -> m.note();
                case NOT_COUNTED -> notCounted;
                case COUNTED -> null;
            };
            found.add(new MitigationFound(m.id(), m.group(), m.blocks(), rule.name(), rule.where().toString(), rule.scope(),
                    status, why));
        }
    }

    private static boolean carries(RewriteRule.Condition c, UrlRewriteMitigation m) {
        return !c.negate() && c.pattern().equalsIgnoreCase(m.pattern())
                && (m.input().isEmpty() || c.input().strip().equalsIgnoreCase(m.input()));
    }

    private static String whyNotCounted(RewriteRule rule) {
        if (!rule.enabled()) return "the rule is disabled";
        if (!rule.action().equalsIgnoreCase("AbortRequest")) return "its action is '" + rule.action() + "', not AbortRequest";
        if (!rule.scope().equals("server") && !rule.scope().equalsIgnoreCase(SITE)) {
            return "it applies to " + rule.scope() + " only, not the whole Default Web Site";
        }
        String url = rule.matchUrl().strip();
        if (!url.isEmpty() && !url.equals(".*") && !url.equals("*")) return "its match url '" + url + "' limits it to some URLs";
        if (rule.conditions().stream().anyMatch(c -> !c.ignoreCase())) return "a condition has ignoreCase=\"false\"";
        return null;
    }

    /** The rewrite rules found that carry a mitigation, counted or not, in the order read. */
    public synchronized Mitigations result() {
        return new Mitigations(sawApplicationHost, found);
    }

    /** Extended Protection as applicationHost.config sets it ({@link ExtendedProtectionState}). */
    public synchronized ExtendedProtection extendedProtection() {
        return ExtendedProtectionState.of(sawApplicationHost, extendedProtection);
    }

    /** The knowledge base's ids of the mitigations found in effect. */
    public static Set<String> counted(Mitigations m) {
        return m.found().stream().filter(f -> f.status() == MitigationFound.Status.COUNTED)
                .map(MitigationFound::mitigation).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
