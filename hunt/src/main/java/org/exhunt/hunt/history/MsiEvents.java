package org.exhunt.hunt.history;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.Record;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.MalformedBuildNumberException;

/**
 * Exchange's installs in the Application event log's Windows Installer events (source {@code MsiInstaller}):
 * <ul>
 *   <li>1022, an update installed: {@code Product: Microsoft Exchange Server - Update 'Security Update for Exchange
 *       Server 2016 Cumulative Update 19 (KB5000871)' installed successfully.};</li>
 *   <li>1023, an update that failed: {@code Product: Microsoft Exchange Server - Update '...' could not be installed.
 *       Error code 1603. ...} (Microsoft Q&amp;A 1158449 quotes it);</li>
 *   <li>1033, a product installed, as a CU's setup does: product name, version, language, status, manufacturer in
 *       that order (the order Artemis reads them in, puffyCid/artemis {@code msiInstalled}); status 0 is success.</li>
 * </ul>
 * The event's first unnamed {@code Data} holds the message of 1022 and 1023. Event times are UTC.
 */
final class MsiEvents {

    /** The message of 1022 and 1023, also the line Windows Installer's verbose log ends an update with. */
    static final Pattern UPDATE = Pattern.compile("Product: (Microsoft Exchange Server[^-]*?) - Update '(.+)' (installed successfully|could not be installed)");
    private static final String EXCHANGE = "Microsoft Exchange Server";

    private MsiEvents() {}

    /** Whether a record may be one: the cheap test, before anything is parsed. */
    static boolean candidate(Record r) {
        return "evtx".equals(r.type()) && "MsiInstaller".equalsIgnoreCase(r.field("Provider_Name"));
    }

    static Optional<PatchEvent> of(Record r, KnowledgeBase kb) {
        if (!candidate(r) || r.time() == null) return Optional.empty();
        List<String> data = r.values("Data");
        if (data.isEmpty()) return Optional.empty();
        String id = r.field("EventID");
        if ("1022".equals(id) || "1023".equals(id)) {
            Matcher m = UPDATE.matcher(data.get(0));
            if (!m.lookingAt()) return Optional.empty();
            return Optional.of(event(r, PatchEvent.Action.UPDATE, build(m, kb), name(m), outcome(m)));
        }
        if ("1033".equals(id) && data.size() >= 4 && data.get(0).strip().equals(EXCHANGE)) {
            String version = data.get(1).strip();
            try {
                BuildNumber.parse(version);
            } catch (MalformedBuildNumberException e) {
                return Optional.empty();
            }
            boolean ok = data.get(3).strip().equals("0");
            return Optional.of(event(r, PatchEvent.Action.UPGRADE, version, EXCHANGE + " " + version + " installed"
                    + (ok ? "" : " with status " + data.get(3).strip()), ok ? PatchEvent.Outcome.SUCCEEDED : PatchEvent.Outcome.FAILED));
        }
        return Optional.empty();
    }

    /** The build an {@link #UPDATE} match's update stands for, or null. */
    static String build(Matcher update, KnowledgeBase kb) {
        return UpdateNames.build(update.group(2), kb).map(BuildNumber::toString).orElse(null);
    }

    static String name(Matcher update) {
        return update.group(2) + (outcome(update) == PatchEvent.Outcome.SUCCEEDED ? " installed" : " not installed");
    }

    static PatchEvent.Outcome outcome(Matcher update) {
        return update.group(3).equals("installed successfully") ? PatchEvent.Outcome.SUCCEEDED : PatchEvent.Outcome.FAILED;
    }

    private static PatchEvent event(Record r, PatchEvent.Action action, String build, String what, PatchEvent.Outcome outcome) {
        return new PatchEvent(PatchEvent.Kind.MSI_INSTALL, action, r.time(), null, Duration.ZERO, build,
                "MsiInstaller " + r.field("EventID") + ": " + what, outcome, r.source().toString(), PatchEvent.Strength.RECORDED);
    }
}
