package org.exhunt.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.exhunt.core.ExhuntVersion;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exhunt-spark}: the scan of {@code exhunt scan} over many servers on Apache Spark, submitted to a cluster
 * ({@code spark-submit --class org.exhunt.spark.ExhuntSpark exhunt-spark.jar ...}) or run on one machine through the
 * {@code exhunt-spark} launcher (Spark's local mode). Exit codes: 0 the run went through (servers that could not be
 * scanned are rows of the diagnostics table, not a failed run), 2 usage error, 70 internal error.
 */
@Command(name = "exhunt-spark", mixinStandardHelpOptions = true, versionProvider = ExhuntSpark.Version.class,
        header = "Exposure and compromise verdicts for many Exchange servers' collections, on Apache Spark.",
        description = {"Each server's evidence (a folder or a zip: a drive's copy, a KAPE, Velociraptor or CyLR"
                + " collection) is scanned as 'exhunt scan' scans it, with the same rules; a server whose logs are larger"
                + " than --split-size has them read in parts by several tasks. Paths and URIs go through Hadoop's file"
                + " systems (hdfs://, s3a://, abfs://, gs://, local). Results: Parquet tables verdicts, findings,"
                + " coverage and diagnostics under OUT, partitioned by run and org, and OUT/reports/run=RUN/estate.jsonl"
                + " and estate.html (docs/spark.md)."})
public final class ExhuntSpark implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Servers servers;

    static final class Servers {
        @Option(names = "--manifest", paramLabel = "CSV", required = true,
                description = "CSV with a header: server,path[,org][,case]; rows of one server are its pieces of evidence.")
        String manifest;

        @Option(names = "--collections", paramLabel = "DIR", required = true,
                description = "A folder or prefix holding one collection per server (each folder or .zip a server).")
        String collections;
    }

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the tables and reports go.")
    String out;

    @Option(names = "--run", paramLabel = "ID", description = "The run's id, the run= partition (default: its start, UTC).")
    String run;

    @Option(names = "--org", paramLabel = "NAME", defaultValue = "default",
            description = "The org of servers the manifest gives none (default: ${DEFAULT-VALUE}).")
    String org;

    @Option(names = "--split-size", paramLabel = "MB", defaultValue = "256",
            description = "A server whose logs are larger has them read in parts of about this size (default: ${DEFAULT-VALUE}).")
    long splitMegabytes;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark's master, when not given by spark-submit (default then: local[*]).")
    String master;

    @Option(names = "--install-path", paramLabel = "DIR", description = "As for exhunt scan.")
    String installPath;

    @Option(names = "--since", paramLabel = "TIME", description = "As for exhunt scan (ISO 8601 UTC, e.g. 2021-03-01T00:00:00Z).")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", description = "As for exhunt scan.")
    Instant until;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "As for exhunt scan. Repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--allowlist", paramLabel = "FILE", description = "As for exhunt scan.")
    String allowlist;

    @Option(names = "--ioc", paramLabel = "FILE", description = "As for exhunt scan. Repeatable.")
    List<String> ioc = new ArrayList<>();

    @Option(names = "--yara", paramLabel = "PATH", description = "As for exhunt scan. Repeatable.")
    List<String> yara = new ArrayList<>();

    @Option(names = "--sigma", paramLabel = "PATH", description = "As for exhunt scan. Repeatable.")
    List<String> sigma = new ArrayList<>();

    @Option(names = "--filters", paramLabel = "DIR", description = "As for exhunt scan. Repeatable.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--recover-slack", description = "As for exhunt scan.")
    boolean recoverSlack;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Files one task reads in parallel (default: ${DEFAULT-VALUE}; Spark runs tasks in parallel).")
    int threads;

    @Option(names = "--local-via-hadoop", hidden = true,
            description = "Read local paths through Hadoop's file system too, as a cluster reads every path.")
    boolean localViaHadoop;

    @Option(names = "--progress-seconds", paramLabel = "S", defaultValue = "10", description = "How often progress is shown.")
    int progressSeconds;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line; the exit code. */
    public static int execute(String... args) {
        return new CommandLine(new ExhuntSpark()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("exhunt-spark: internal error (a bug; please report it): " + e);
            e.printStackTrace(cmd.getErr());
            return 70;
        }).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (threads < 1 || splitMegabytes < 1) throw usage("--threads and --split-size must be at least 1");
        SparkConf conf = new SparkConf().setAppName("exhunt");
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            List<ServerSpec> list;
            ScanSetup setup;
            try {
                list = servers.manifest != null ? Manifest.csv(servers.manifest, hadoop, org)
                        : Manifest.folder(servers.collections, hadoop, org);
                checkNames(list);
                setup = setup(hadoop);
            } catch (IllegalArgumentException | java.io.FileNotFoundException e) {
                throw usage(e.getMessage());
            }
            String runId = run != null ? run : DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC).format(Instant.now());
            EstateJob.Result result = EstateJob.run(spark, new EstateJob.Spec(list, setup, out, runId,
                    splitMegabytes << 20, localViaHadoop, progressSeconds * 1000L));
            long failed = result.outcomes().stream().filter(ServerOutcome::failed).count();
            System.err.println("exhunt-spark: run " + runId + ": " + result.outcomes().size() + " servers, " + failed
                    + " could not be scanned (see the diagnostics table); tables and reports in " + out);
            return 0;
        } finally {
            spark.stop();
        }
    }

    private ScanSetup setup(Configuration hadoop) throws IOException {
        String allowlistText = null;
        if (allowlist != null) {
            allowlistText = new String(RuleFiles.read(allowlist, hadoop).files().get(0).bytes(), StandardCharsets.UTF_8);
        }
        return new ScanSetup(read(yara, hadoop), read(sigma, hadoop), read(filters, hadoop), read(ioc, hadoop), allowlist,
                allowlistText, installPath, excludes, since, until, recoverSlack, threads);
    }

    private static List<RuleFiles> read(List<String> given, Configuration hadoop) throws IOException {
        List<RuleFiles> out = new ArrayList<>();
        for (String g : given) {
            if (!new Path(g).getFileSystem(hadoop).exists(new Path(g))) throw new IllegalArgumentException("no such file or directory: " + g);
            out.add(RuleFiles.read(g, hadoop));
        }
        return out;
    }

    private static void checkNames(List<ServerSpec> list) {
        Set<String> names = new HashSet<>();
        for (ServerSpec s : list) {
            if (!names.add(s.server().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two servers are named '" + s.server() + "'");
            }
        }
        if (list.isEmpty()) throw new IllegalArgumentException("no server to scan");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(new CommandLine(this), message);
    }

    /** exhunt's version and its rule pack's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"exhunt-spark " + ExhuntVersion.get()};
        }
    }
}
