package org.exhunt.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.exhunt.core.ExhuntVersion;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.report.HtmlReport;
import org.exhunt.report.JsonlReport;
import org.exhunt.report.ReportWriter;
import scala.Tuple2;

/**
 * One run over many servers on Spark: each server planned and, when its logs are small, scanned whole in one task;
 * a big server's logs read in parts by as many tasks, and its scan finished after a shuffle by server; then the Parquet
 * tables (partitioned by run and org) written by the executors, and the estate's JSON lines and HTML page written on
 * the driver from the servers' results.
 */
final class EstateJob {

    /**
     * What a run is given.
     *
     * @param out        the output folder or URI: {@code TABLE/run=RUN/org=ORG/*.parquet} and {@code reports/run=RUN/}
     * @param splitBytes a server whose logs are larger has them read in parts of about this size
     * @param viaHadoop  read local paths through Hadoop's file system too
     */
    record Spec(List<ServerSpec> servers, ScanSetup setup, String out, String run, long splitBytes, boolean viaHadoop,
                long progressMillis) {}

    /** What the run gave: every server's outcome, in the order the servers were given. */
    record Result(RunInfo run, List<ServerOutcome> outcomes) {}

    private EstateJob() {}

    static Result run(SparkSession spark, Spec spec) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = jsc.hadoopConfiguration();
        Hunts.Prepared prepared = Hunts.of(spec.setup());   // the driver's own, for the filters the run report names
        RulePack pack = RulePack.bundled();
        RunInfo run = new RunInfo(ExhuntVersion.get(), pack.version(), pack.knowledgeBase().version(), Instant.now())
                .withFilters(prepared.hunt().sigmaFilters());

        ServerTasks.Counters counters = new ServerTasks.Counters(jsc.sc().longAccumulator("exhunt servers done"),
                jsc.sc().longAccumulator("exhunt servers failed"), jsc.sc().longAccumulator("exhunt bytes read"));
        ServerTasks tasks = new ServerTasks(jsc.broadcast(spec.setup()), new HadoopConf(hadoop), spec.viaHadoop(),
                spec.splitBytes(), counters);
        List<ServerOutcome> outcomes;
        try (Progress progress = new Progress(spec.servers().size(), counters, spec.progressMillis())) {
            JavaRDD<ServerTasks.Planned> planned = jsc.parallelize(spec.servers(), Math.max(1, spec.servers().size()))
                    .map(tasks::plan).persist(StorageLevel.MEMORY_AND_DISK());
            List<PartToRead> parts = planned.filter(p -> p.done() == null).flatMap(p -> {
                List<PartToRead> out = new ArrayList<>();
                for (int i = 0; i < p.parts().size(); i++) out.add(new PartToRead(p.spec(), i, p.parts().get(i)));
                return out.iterator();
            }).collect();
            JavaRDD<ServerOutcome> split = parts.isEmpty() ? jsc.emptyRDD() : jsc.parallelize(parts, parts.size())
                    .map(p -> tasks.read(p.spec(), p.index(), p.files()))
                    .mapToPair(p -> new Tuple2<>(p.spec().server(), p))
                    .groupByKey(Math.max(1, (int) parts.stream().map(p -> p.spec().server()).distinct().count()))
                    .map(byServer -> {
                        List<ServerTasks.Part> all = new ArrayList<>();
                        byServer._2().forEach(all::add);
                        return tasks.merge(all.get(0).spec(), all);
                    });
            JavaRDD<ServerOutcome> all = planned.filter(p -> p.done() != null).map(ServerTasks.Planned::done).union(split)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            all.count();
            // scanned one task per server (servers differ in size), but written and collected in as many tasks as the
            // run has cores: a task per server per table costs more than the rows it writes, and leaves a file per
            // server and org in every table
            JavaRDD<ServerOutcome> done = all.coalesce(jsc.defaultParallelism());
            for (Tables table : Tables.values()) {
                String runId = spec.run();
                spark.createDataFrame(done.flatMap(o -> table.rows(runId, o).iterator()), table.schema())
                        .write().mode(SaveMode.Append).partitionBy("run", "org").parquet(spec.out() + "/" + table.name);
            }
            outcomes = new ArrayList<>(done.collect());
            all.unpersist();
            planned.unpersist();
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < spec.servers().size(); i++) order.put(spec.servers().get(i).server(), i);
        outcomes.sort(Comparator.comparingInt(o -> order.get(o.spec().server())));
        List<ServerResult> results = outcomes.stream().map(ServerOutcome::result).toList();
        String reports = spec.out() + "/reports/run=" + spec.run();
        write(hadoop, reports + "/estate.jsonl", new JsonlReport(), run, results);
        write(hadoop, reports + "/estate.html", new HtmlReport(), run, results);
        return new Result(run, outcomes);
    }

    /** One part of a big server's logs, to be read by one task. */
    record PartToRead(ServerSpec spec, int index, List<String> files) implements java.io.Serializable {}

    private static void write(Configuration hadoop, String uri, ReportWriter writer, RunInfo run, List<ServerResult> results)
            throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(hadoop);
        try (Writer w = new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8)) {
            writer.write(w, run, results);
        }
    }

    /** Bytes as a person reads them. */
    static String bytes(long n) {
        if (n < 1 << 20) return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        if (n < 1L << 30) return String.format(Locale.ROOT, "%.1f MB", n / (double) (1 << 20));
        return String.format(Locale.ROOT, "%.2f GB", n / (double) (1L << 30));
    }
}
