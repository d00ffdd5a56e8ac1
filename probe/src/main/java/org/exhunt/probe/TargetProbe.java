package org.exhunt.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.exhunt.core.Rows;
import org.exhunt.kb.Build;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.probe.http.FailureKind;
import org.exhunt.probe.http.Fetched;
import org.exhunt.probe.http.Fetcher;
import org.exhunt.probe.http.TlsFacts;
import org.exhunt.probe.page.ExportToolManifest;
import org.exhunt.probe.page.OwaPage;

/**
 * One target's requests, one after the other (EXCHANGE.md §d): the OWA logon page (product, CU from the asset
 * folders, the {@code X-OWA-Version} header); {@code /owa/} when the page said nothing; the export tool's manifest
 * for the full build; the {@code /ecp/<build>/exporttool/} folders of the CU's known builds for the SU level.
 * With {@code --active} only, the two exploit primitives: the ProxyLogon SSRF to localhost and the ProxyShell
 * Autodiscover path confusion. Only GETs, only to the target, no redirect followed.
 */
final class TargetProbe {

    static final String LOGON = "/owa/auth/logon.aspx";
    static final String OWA = "/owa/";
    static final String EXPORT_TOOL = "/ecp/Current/exporttool/microsoft.exchange.ediscovery.exporttool.application";
    static final String PROXYLOGON_PATH = "/owa/auth/x.js";
    static final String PROXYLOGON_COOKIE = "X-AnonResource=true; X-AnonResource-Backend=localhost/ecp/default.flt?~3;"
            + " X-BEResource=localhost/owa/auth/logon.aspx?~3;";
    static final String PROXYSHELL_PATH = "/autodiscover/autodiscover.json?@test.com/owa/?&Email=autodiscover/autodiscover.json%3F@test.com";
    /** Headers that name back-end or front-end servers (EXCHANGE.md §d). */
    static final List<String> LEAKY = List.of("X-FEServer", "X-BEServer", "X-CalculatedBETarget", "X-TargetBEServer", "X-DiagInfo");
    private static final int ECP_CANDIDATES = 24;

    private final Target target;
    private final Fetcher http;
    private final KnowledgeBase kb;
    private final boolean active;

    // what has been seen so far; one target's steps run one after the other
    private int requests;
    private TlsFacts tls;
    private String title = "";
    private String server = "";
    private String redirect = "";
    private final Map<String, String> leaked = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<ActiveCheck> checks = new ArrayList<>();

    TargetProbe(Target target, Fetcher http, KnowledgeBase kb, boolean active) {
        this.target = target;
        this.http = http;
        this.kb = kb;
        this.active = active;
    }

    CompletableFuture<ProbeOutcome> run() {
        return get(LOGON, Map.of()).thenCompose(first -> {
            if (first instanceof Fetched.Failure f) return done(failed(f), null, "", f);
            OwaPage page = page((Fetched.Response) first);
            if (page.isOwa()) return version(page);
            return get(OWA, Map.of()).thenCompose(second -> {
                OwaPage owa = second instanceof Fetched.Response r ? page(r) : page;
                if (owa.isOwa() || owa.owaVersion().isPresent()) return version(owa);
                // a portal in front of OWA answers with a redirect: that says nothing of what runs behind it
                return done(redirect.isEmpty() ? TargetStatus.NOT_EXCHANGE : TargetStatus.REDIRECTED, null, "", null);
            });
        });
    }

    private CompletableFuture<Fetched> get(String path, Map<String, String> headers) {
        requests++;
        return http.get(target.uri(path), headers).thenApply(f -> {
            if (f instanceof Fetched.Response r) observe(r);
            return f;
        });
    }

    private void observe(Fetched.Response r) {
        if (tls == null) tls = r.tls();
        if (redirect.isEmpty() && r.status() >= 300 && r.status() < 400) r.header("Location").ifPresent(l -> redirect = l);
        r.header("Server").ifPresent(s -> { if (server.isEmpty()) server = s; });
        for (String name : LEAKY) r.header(name).ifPresent(v -> leaked.putIfAbsent(name, v));
    }

    private OwaPage page(Fetched.Response r) {
        OwaPage p = OwaPage.read(r.text(), r.header("X-OWA-Version").orElse(null));
        if (title.isEmpty()) title = p.title();
        return p;
    }

    private static TargetStatus failed(Fetched.Failure f) {
        return switch (f.kind()) {
            case TLS -> TargetStatus.TLS_FAILURE;
            case GARBAGE -> TargetStatus.GARBAGE;
            case NO_ANSWER, TIMEOUT, RESET -> TargetStatus.NO_ANSWER;
        };
    }

    /** The full build from the header, else the export tool's manifest, else the CU's ECP folders, else the CU. */
    private CompletableFuture<ProbeOutcome> version(OwaPage page) {
        if (page.owaVersion().isPresent() && !page.owaVersion().get().isCuOnly()) {
            return activeChecks(page.owaVersion().get(), "X-OWA-Version header");
        }
        return get(EXPORT_TOOL, Map.of()).thenCompose(f -> {
            Optional<BuildNumber> manifest = f instanceof Fetched.Response r && r.status() == 200
                    ? ExportToolManifest.version(r.text()) : Optional.empty();
            if (manifest.isPresent() && !manifest.get().isCuOnly()) return activeChecks(manifest.get(), "export tool manifest");
            Optional<BuildNumber> cu = page.owaVersion().or(page::newestAssetCu);
            if (cu.isEmpty()) return activeChecks(null, "");
            List<BuildNumber> candidates = kb.builds().stream().map(Build::number)
                    .filter(b -> b.cu().equals(cu.get().cu())).sorted(Comparator.reverseOrder())
                    .limit(ECP_CANDIDATES).toList();
            return ecpFolders(candidates, 0, cu.get().cu());
        });
    }

    /** {@code GET /ecp/<build>/exporttool/} for each known build of the CU, newest first: a 200 names the build. */
    private CompletableFuture<ProbeOutcome> ecpFolders(List<BuildNumber> candidates, int i, BuildNumber cu) {
        if (i >= candidates.size()) return activeChecks(cu, "OWA asset folders (CU only)");
        BuildNumber b = candidates.get(i);
        return get("/ecp/" + b + "/exporttool/", Map.of()).thenCompose(f -> f instanceof Fetched.Response r && r.status() == 200
                ? activeChecks(b, "ECP folder /ecp/" + b + "/")
                : ecpFolders(candidates, i + 1, cu));
    }

    private CompletableFuture<ProbeOutcome> activeChecks(BuildNumber build, String source) {
        TargetStatus status = build == null ? TargetStatus.EXCHANGE_NO_VERSION
                : build.isCuOnly() ? TargetStatus.EXCHANGE_CU : TargetStatus.EXCHANGE_BUILD;
        if (!active) return done(status, build, source, null);
        return get(PROXYLOGON_PATH, Map.of("Cookie", PROXYLOGON_COOKIE)).thenCompose(ssrf -> {
            checks.add(proxyLogon(ssrf));
            return get(PROXYSHELL_PATH, Map.of());
        }).thenCompose(autodiscover -> {
            checks.add(proxyShell(autodiscover));
            return done(status, build, source, null);
        });
    }

    private ActiveCheck proxyLogon(Fetched f) {
        String url = target.uri(PROXYLOGON_PATH).toString();
        if (f instanceof Fetched.Failure failure) {
            return failure.kind() == FailureKind.RESET
                    ? new ActiveCheck(Rows.PROXYLOGON + " SSRF", ActiveCheck.Result.ABORTED,
                            "the request with the X-BEResource cookie was aborted (" + failure.message() + ")", url)
                    : new ActiveCheck(Rows.PROXYLOGON + " SSRF", ActiveCheck.Result.INCONCLUSIVE, failure.kind() + ": " + failure.message(), url);
        }
        Fetched.Response r = (Fetched.Response) f;
        String target = r.header("X-CalculatedBETarget").orElse("");
        if (target.toLowerCase(Locale.ROOT).contains("localhost")) {
            return new ActiveCheck(Rows.PROXYLOGON + " SSRF", ActiveCheck.Result.REACHABLE, "X-CalculatedBETarget: " + target, url);
        }
        return new ActiveCheck(Rows.PROXYLOGON + " SSRF", ActiveCheck.Result.NOT_REACHABLE, "HTTP " + r.status()
                + (target.isEmpty() ? ", no X-CalculatedBETarget" : ", X-CalculatedBETarget: " + target), url);
    }

    private ActiveCheck proxyShell(Fetched f) {
        String url = target.uri(PROXYSHELL_PATH).toString();
        if (f instanceof Fetched.Failure failure) {
            return new ActiveCheck(Rows.PROXYSHELL + " Autodiscover SSRF", failure.kind() == FailureKind.RESET
                    ? ActiveCheck.Result.ABORTED : ActiveCheck.Result.INCONCLUSIVE, failure.kind() + ": " + failure.message(), url);
        }
        int status = ((Fetched.Response) f).status();
        ActiveCheck.Result result = status == 302 ? ActiveCheck.Result.REACHABLE
                : status == 400 ? ActiveCheck.Result.NOT_REACHABLE : ActiveCheck.Result.INCONCLUSIVE;
        return new ActiveCheck(Rows.PROXYSHELL + " Autodiscover SSRF", result, "HTTP " + status, url);
    }

    private CompletableFuture<ProbeOutcome> done(TargetStatus status, BuildNumber build, String source, Fetched.Failure failure) {
        return CompletableFuture.completedFuture(new ProbeOutcome(target, status, build, source, title, server, tls,
                leaked, failure, redirect, checks, requests));
    }
}
