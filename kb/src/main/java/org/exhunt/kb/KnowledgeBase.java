package org.exhunt.kb;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Exchange knowledge base: every build of the build table, the CVEs each has fixed, the verdict rows, the
 * products and their support, and the URL-rewrite mitigations. Immutable once loaded; share one instance.
 *
 * <p>The data lives in the rule pack's {@code kb/} folder ({@code rules/kb/} in the project, see its README for
 * sources); {@link #load} reads it through a function from file name to text, so that this module needs
 * nothing but {@code core}.
 */
public final class KnowledgeBase {

    /** The files {@link #load} reads, by name under {@code kb/}. */
    public static final List<String> FILES = List.of("VERSION", "exchange-builds.csv", "added-builds.csv",
            "update-fixes.csv", "products.csv", "rows.csv", "vulnerabilities.csv", "security-updates.csv",
            "updates-without-rollup.csv", "url-rewrite-mitigations.csv");

    private static final DateTimeFormatter VERSION_FORMAT = DateTimeFormatter.ofPattern("uuuu.MM.dd");

    private final String version;
    private final LocalDate asOf;
    private final List<Build> builds;                         // build-number order
    private final List<ProductLine> products;                 // build-number order
    private final List<Row> rows;
    private final Map<String, Vulnerability> vulnerabilities; // file order
    private final List<UrlRewriteMitigation> mitigations;
    private final Map<ProductLine, List<Build>> byProduct = new LinkedHashMap<>();
    private final Map<ProductLine, List<Build>> cuBases = new LinkedHashMap<>();
    private final Assessor assessor;
    private final Map<BuildNumber, BuildAssessment> assessed = new ConcurrentHashMap<>(); // an estate has few builds

    private KnowledgeBase(String version, KbData data) {
        this.version = version;
        try {
            this.asOf = LocalDate.parse(version, VERSION_FORMAT);
        } catch (DateTimeParseException e) {
            throw new KbDataException("VERSION", 1, "not a yyyy.MM.dd date: " + version);
        }
        this.builds = data.builds(); // KbData sorts them by number
        this.products = data.products().stream().sorted(Comparator.comparing(ProductLine::fromBuild)).toList();
        this.rows = data.rows();
        this.vulnerabilities = data.vulnerabilities();
        this.mitigations = data.mitigations();
        for (Build b : builds) {
            ProductLine p = productOf(b.number()).orElseThrow(() ->
                    new KbDataException("exchange-builds.csv", 0, "build " + b.number() + " belongs to no product"));
            byProduct.computeIfAbsent(p, k -> new ArrayList<>()).add(b);
            List<Build> bases = cuBases.computeIfAbsent(p, k -> new ArrayList<>());
            if (bases.isEmpty() || !bases.get(bases.size() - 1).number().cu().equals(b.number().cu())) bases.add(b);
        }
        this.assessor = new Assessor(this, new FixIndex(builds, data.updatesByKb(), data.withoutRollup()));
    }

    /**
     * Loads the knowledge base.
     *
     * @param read gives the text of a file of {@link #FILES}
     * @throws KbDataException when the data is damaged
     */
    public static KnowledgeBase load(Function<String, String> read) {
        String version = read.apply("VERSION").strip();
        return new KnowledgeBase(version, KbData.read(read));
    }

    /** The version every report names, {@code 2026.08.19}: the day the build table was taken. */
    public String version() {
        return version;
    }

    /** The day the knowledge base knows builds up to. */
    public LocalDate asOf() {
        return asOf;
    }

    /** What a build number means: product, update, exposure per row, update path. */
    public BuildAssessment assess(BuildNumber build) {
        return assessed.computeIfAbsent(build, assessor::assess);
    }

    /** The verdict rows, in report order. */
    public List<Row> rows() {
        return rows;
    }

    public Optional<Row> row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Every build of the table, in build-number order. */
    public List<Build> builds() {
        return builds;
    }

    public List<ProductLine> products() {
        return products;
    }

    public Vulnerability vulnerability(String cve) {
        Vulnerability v = vulnerabilities.get(cve);
        if (v == null) throw new IllegalArgumentException("no CVE " + cve + " in the knowledge base");
        return v;
    }

    public List<Vulnerability> vulnerabilities() {
        return List.copyOf(vulnerabilities.values());
    }

    public List<UrlRewriteMitigation> mitigations() {
        return mitigations;
    }

    /** The product a build number belongs to: the product whose range holds it. */
    public Optional<ProductLine> productOf(BuildNumber build) {
        return products.stream().filter(p -> p.contains(build)).findFirst();
    }

    /**
     * The build an update names by its product, CU and KB article, as installers name updates ({@code Exchange Server
     * 2016}, {@code CU19}, {@code KB5000871}): the highest such build (a re-released update keeps its article).
     */
    public Optional<Build> update(String product, String cu, String kb) {
        return builds.stream().filter(b -> b.product().equalsIgnoreCase(product) && b.cu().equalsIgnoreCase(cu)
                && b.kb().equalsIgnoreCase(kb)).reduce((a, b) -> b);
    }

    /** The table's build of this number, if it lists it. */
    public Optional<Build> build(BuildNumber number) {
        return builds.stream().filter(b -> b.number().equals(number)).findFirst();
    }

    /** The CU's own build (its first, before any update) of the CU a build belongs to, if the table lists the CU. */
    public Optional<Build> cuBase(BuildNumber build) {
        return productOf(build).flatMap(p -> cuBasesOf(p).stream()
                .filter(b -> b.number().cu().equals(build.cu())).findFirst());
    }

    List<Build> buildsOf(ProductLine product) {
        return byProduct.getOrDefault(product, List.of());
    }

    /** The first (lowest) build of each CU of a product: the CU itself. */
    List<Build> cuBasesOf(ProductLine product) {
        return cuBases.getOrDefault(product, List.of());
    }

    /** The mitigations of one group, in file order. */
    public List<UrlRewriteMitigation> mitigationGroup(String group) {
        return mitigations.stream().filter(m -> m.group().equals(group)).toList();
    }

    /** The groups of effective mitigation rules that are complete among the rules present. */
    public List<String> completeGroups(Set<String> presentRuleIds) {
        Map<String, List<UrlRewriteMitigation>> groups = new LinkedHashMap<>();
        for (UrlRewriteMitigation m : mitigations) groups.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(m);
        return groups.entrySet().stream()
                .filter(g -> g.getValue().stream().allMatch(m -> m.effective() && presentRuleIds.contains(m.id())))
                .map(Map.Entry::getKey).toList();
    }

}
