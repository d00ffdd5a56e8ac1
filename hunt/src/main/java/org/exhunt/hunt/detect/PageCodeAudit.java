package org.exhunt.hunt.detect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.hunt.layout.AuthFolderBaseline;

/**
 * Server-side code that no stock Exchange page has, in the pages IIS serves (issue 19). A stock OWA or ECP page is a
 * compiled page ({@code <%@ Page ... Inherits="Microsoft.Exchange..." %>}) whose code blocks render Exchange's own
 * strings and settings; none starts a process, loads or reflects on code, evaluates text as code, writes files, opens
 * sockets, reads the registry or connects to a database. So a page whose code does, whatever its name, is a web shell or
 * a backdoored page: this is what finds a shell saved over {@code owa\auth\logon.aspx} or appended to
 * {@code errorFE.aspx}, which a check of names passes (Volexity's SPORTSBALL and the other shells of the 2021 intrusions
 * were dropped under and into OWA's own page names; CISA AA21-062A: "modified" standard files). Only code is read
 * ({@link PageCode}): client script and markup may say anything. Each line that made the finding is its evidence, with
 * its number.
 */
public final class PageCodeAudit implements FileDetector {

    public static final String RULE = "exhunt.file.shell-code-in-page";
    static final int LINES_SHOWN = 8;
    private static final int EXCERPT = 160;

    /**
     * What code can do that no stock page's does, as the calls read in folded code ({@link CodeText}: lower case, no
     * white space beside {@code .} and {@code (}). A call is found where its text starts a word (not inside a longer
     * name); C#, VB and JScript spell them alike.
     */
    enum Capability {
        PROCESS("starts a process", "process.start(", "new process", "new system.diagnostics.process", "processstartinfo",
                "wscript.shell", "shell.application", "cmd.exe", "powershell"),
        CODE_LOADING("loads or reflects on code", "assembly.load", "assembly.unsafeloadfrom", "appdomain.currentdomain.load(",
                "activator.createinstance(", ".invokemember(", "system.reflection", "type.gettype(", "compileassemblyfromsource",
                "csharpcodeprovider", "vbcodeprovider", "jscriptcodeprovider", "codedomprovider"),
        EVAL("evaluates text as code", "eval(", "jscriptevaluate", "microsoft.jscript", "vsaengine", "execute"),
        FILE_WRITE("writes files", "file.writeallbytes(", "file.writealltext(", "file.writealllines(", "file.appendalltext(",
                "file.appendalllines(", "file.create(", "file.createtext(", "file.appendtext(", "file.copy(", "file.move(",
                "file.replace(", "file.openwrite(", "streamwriter(", "filestream(", "binarywriter(", ".saveas(", ".createtext(",
                ".appendtext(", "adodb.stream", "savetofile", "createtextfile"),
        NETWORK("opens network connections", "socket(", "tcpclient(", "tcplistener(", "udpclient("),
        REGISTRY("reads or writes the registry", "registry.localmachine", "registry.currentuser", "registry.classesroot",
                "registry.users", "registry.currentconfig", "registrykey"),
        DATABASE("connects to a database", "sqlconnection(", "oledbconnection(", "odbcconnection(", "mysqlconnection(");

        final String words;
        final String[] calls;

        Capability(String words, String... calls) {
            this.words = words;
            this.calls = calls;
        }
    }

    /** One line of code that made the finding: its number, what it does and the line itself (cut when long). */
    record Hit(int line, Capability capability, String excerpt) {}

    /**
     * What a site's own application in {@code inetpub\\wwwroot} (an intranet page beside Exchange) may do without
     * being taken for a shell: query a database, read its settings from the registry. Only Exchange's pages and the
     * shell folders are held to "no stock page does this" for these two.
     */
    private static final Set<Capability> SITE_APPS_DO = EnumSet.of(Capability.DATABASE, Capability.REGISTRY);

    private static boolean isSitesOwn(FileContent c) {
        return c.location() == null && c.file().drivePath().toLowerCase(Locale.ROOT).startsWith("inetpub/wwwroot/");
    }

    /** Places kept per file before their lines are worked out: enough for {@link #LINES_SHOWN} distinct lines. */
    private static final int PLACES_KEPT = 64;

    private final AuthFolderBaseline baseline;

    /** @param baseline the standard pages of the auth folders, to say when a page has a standard one's name; or null */
    public PageCodeAudit(AuthFolderBaseline baseline) {
        this.baseline = baseline;
    }

    @Override
    public void examine(FileContent c, Consumer<Finding> findings) {
        if (!c.served()) return;
        Optional<PageCode.Kind> kind = PageCode.kindOf(c.file().drivePath());
        if (kind.isEmpty()) return;
        Hits hits = hits(PageCode.text(c.bytes()), kind.get());
        if (hits.total() == 0 || isSitesOwn(c) && SITE_APPS_DO.containsAll(hits.does())) return;

        String name = c.file().drivePath().substring(c.file().drivePath().lastIndexOf('/') + 1);
        boolean standard = baseline != null && baseline.isStandardPage(c.location(), c.url());
        Finding.Builder b = FileFindings.about(c, "file", RULE)
                .title((standard ? "Standard page " + name + " holds" : "Page with") + " server-side code no stock"
                        + " Exchange page has: it " + String.join(", ", hits.does().stream().map(d -> d.words).toList()))
                .severity(Severity.HIGH)
                .stage(Stage.POST_EXPLOITATION)
                .tag("attack.t1505.003")
                .meta("reference", "Volexity 2021-03-02 (SPORTSBALL and other shells under OWA's page names);"
                        + " CISA AA21-062A (standard files added or modified in owa\\auth)");
        if (standard) b.evidence("standard_page", "a page of this name is Exchange's own (rules/" + AuthFolderBaseline.FILE + ")");
        for (Hit h : hits.shown()) b.evidence("line", h.line() + " (" + h.capability().words + "): " + h.excerpt());
        if (hits.total() > hits.shown().size()) b.evidence("places", hits.total() + " places of such code in all");
        findings.accept(b.build());
    }

    /**
     * The lines of code that do what no stock page does: the first {@link #LINES_SHOWN} (number, what, the line), how
     * many places in all, and everything they do. Each code region is read twice, once with its comments taken out
     * ({@code Process/**}{@code /.Start}) and once as written (a {@code "/*"} in a string must not hide what follows).
     */
    record Hits(List<Hit> shown, long total, Set<Capability> does) {}

    static Hits hits(String text, PageCode.Kind kind) {
        TreeMap<Integer, Capability> places = new TreeMap<>(); // text offset -> what the code there does
        Set<Capability> does = EnumSet.noneOf(Capability.class);
        long total = 0;
        for (PageCode.Region r : PageCode.regions(text, kind)) {
            long most = 0;
            for (boolean stripComments : new boolean[] {true, false}) {
                CodeText code = new CodeText(text, r.start(), r.end(), stripComments);
                TreeMap<Integer, Capability> found = new TreeMap<>();
                long n = find(code.folded, found, does);
                most = Math.max(most, n);
                int[] at = found.keySet().stream().mapToInt(Integer::intValue).toArray();
                int[] offsets = code.sourceOffsets(at);
                for (int k = 0; k < at.length; k++) places.putIfAbsent(offsets[k], found.get(at[k]));
                while (places.size() > PLACES_KEPT) places.pollLastEntry();
            }
            total += most;
        }
        return new Hits(lines(text, places), total, does);
    }

    /**
     * Finds the calls in folded code: each place (the first {@link #PLACES_KEPT} by position) into {@code found},
     * everything they do into {@code does}; returns how many places in all.
     */
    private static long find(String folded, TreeMap<Integer, Capability> found, Set<Capability> does) {
        long n = 0;
        for (Capability c : Capability.values()) {
            for (String call : c.calls) {
                for (int at = folded.indexOf(call); at >= 0; at = folded.indexOf(call, at + 1)) {
                    if (!isCall(folded, at, call)) continue;
                    n++;
                    does.add(c);
                    if (found.size() < PLACES_KEPT || at < found.lastKey()) {
                        found.putIfAbsent(at, c);
                        if (found.size() > PLACES_KEPT) found.pollLastEntry();
                    }
                }
            }
        }
        return n;
    }

    /**
     * Whether text found at {@code at} is the call: it starts a word (no letter, digit or {@code _} before it, and for
     * {@code eval} and {@code execute} no {@code .} either, so that data binding's {@code DataBinder.Eval} and
     * {@code command.Execute} are not), and for the words that are calls only with what follows: {@code new Process}
     * ends there, {@code eval(} takes something other than a quoted field name ({@code Eval("Subject")} is data
     * binding), VBScript's {@code Execute} takes an argument.
     */
    private static boolean isCall(String f, int at, String call) {
        char before = at == 0 ? ' ' : f.charAt(at - 1);
        if (Character.isLetter(call.charAt(0)) && isWordChar(before)) return false;
        int after = at + call.length();
        char next = after < f.length() ? f.charAt(after) : ' ';
        return switch (call) {
            case "new process", "new system.diagnostics.process" -> !isWordChar(next);
            case "eval(" -> before != '.' && next != '"' && next != ')';
            case "execute" -> before != '.' && (next == '(' || next == '"' || next == 'g'
                    || next == ' ' && after + 1 < f.length() && (Character.isLetter(f.charAt(after + 1)) || f.charAt(after + 1) == '"'));
            default -> true;
        };
    }

    private static boolean isWordChar(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 0x7f && Character.isLetterOrDigit(c);
    }

    /** The distinct lines of the places, first {@link #LINES_SHOWN}, with their numbers, counted once along the text. */
    private static List<Hit> lines(String text, TreeMap<Integer, Capability> places) {
        List<Hit> shown = new ArrayList<>();
        int line = 1;
        int counted = 0;
        int lastLine = 0;
        for (Map.Entry<Integer, Capability> p : places.entrySet()) {
            for (; counted < p.getKey(); counted++) if (text.charAt(counted) == '\n') line++;
            if (line == lastLine) continue;
            lastLine = line;
            int from = text.lastIndexOf('\n', p.getKey()) + 1;
            int to = text.indexOf('\n', p.getKey());
            shown.add(new Hit(line, p.getValue(), excerpt(text, from, to < 0 ? text.length() : to, p.getKey())));
            if (shown.size() == LINES_SHOWN) break;
        }
        return shown;
    }

    /** The line {@code [from, to)} of the text, trimmed; for a long one the part around {@code at}. */
    private static String excerpt(String text, int from, int to, int at) {
        if (to - from > EXCERPT) {
            int start = Math.max(from, Math.min(at - 40, to - EXCERPT));
            return (start > from ? "..." : "") + text.substring(start, start + EXCERPT).strip() + (start + EXCERPT < to ? "..." : "");
        }
        return text.substring(from, to).strip();
    }
}
