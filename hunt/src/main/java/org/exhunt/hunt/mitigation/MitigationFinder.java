package org.exhunt.hunt.mitigation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Limits;
import org.exhunt.core.SourceRef;
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
    private final Set<String> present = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
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
            String what = (m.effective() ? m.group() + " rule" : "superseded rule") + " '" + rule.name() + "' (blocks "
                    + m.blocks() + ") at " + rule.where();
            String notCounted = whyNotCounted(rule);
            if (!m.effective()) {
                notes.add("Found " + what + ": " + m.note() + "; not counted as a mitigation");
            } else if (notCounted != null) {
                notes.add("Found " + what + ", not counted: " + notCounted);
            } else {
                present.add(m.id());
                notes.add("Mitigation: " + what + ", on " + (rule.scope().equals("server") ? "the whole server" : rule.scope()));
            }
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

    public synchronized Mitigations result() {
        List<String> all = new ArrayList<>(notes);
        if (all.isEmpty()) all.add("Mitigations: no EOMT or EOMTv2 rewrite rule in " + (sawApplicationHost
                ? "applicationHost.config or the Default Web Site's web.config" : "the evidence (no applicationHost.config)"));
        return new Mitigations(present, all, ExtendedProtectionSummary.of(sawApplicationHost, extendedProtection));
    }
}
