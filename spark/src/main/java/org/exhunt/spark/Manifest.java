package org.exhunt.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.exhunt.core.CsvLine;

/**
 * The servers of a run: from a manifest (CSV with a header naming the columns {@code server} and {@code path}, and
 * optionally {@code org} and {@code case}; several rows of one server are its several pieces of evidence, as
 * {@code --server NAME PATH...}), or from a folder or prefix holding one collection per server (each folder or
 * {@code .zip} in it a server, named as {@code exhunt scan} names it). Read through Hadoop's file system.
 */
final class Manifest {

    private Manifest() {}

    /** @throws IllegalArgumentException with a line number for a manifest that cannot be read as one */
    static List<ServerSpec> csv(String uri, Configuration hadoop, String defaultOrg) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(hadoop);
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) lines.add(line);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(uri + ": empty manifest; the first line names the columns");
        List<String> header = CsvLine.split(lines.get(0).replace("\uFEFF", ""));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        if (!columns.containsKey("server") || !columns.containsKey("path")) {
            throw new IllegalArgumentException(uri + ":1: the header must name the columns server and path (and may name"
                    + " org and case), found: " + lines.get(0));
        }
        Map<String, ServerSpec> servers = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) continue;
            List<String> fields = CsvLine.split(lines.get(n));
            String where = uri + ":" + (n + 1) + ": ";
            if (fields == null) throw new IllegalArgumentException(where + "a quoted field is not closed");
            String server = field(fields, columns.get("server"));
            String evidence = field(fields, columns.get("path"));
            if (server.isEmpty() || evidence.isEmpty()) throw new IllegalArgumentException(where + "server and path are required");
            String org = columns.containsKey("org") ? field(fields, columns.get("org")) : "";
            String caseId = columns.containsKey("case") ? field(fields, columns.get("case")) : "";
            ServerSpec row = new ServerSpec(server, org.isEmpty() ? defaultOrg : org, caseId.isEmpty() ? null : caseId,
                    List.of(evidence));
            String key = server.toLowerCase(Locale.ROOT);
            ServerSpec before = servers.get(key);
            if (before == null) {
                servers.put(key, row);
            } else if (!before.server().equals(server) || !before.org().equals(row.org())
                    || !String.valueOf(before.caseId()).equals(String.valueOf(row.caseId()))) {
                throw new IllegalArgumentException(where + "server " + server + " is named, or placed in an org or case,"
                        + " differently on an earlier line (rows of one server add its evidence)");
            } else {
                List<String> paths = new ArrayList<>(before.paths());
                paths.add(evidence);
                servers.put(key, new ServerSpec(server, before.org(), before.caseId(), paths));
            }
        }
        return List.copyOf(servers.values());
    }

    /** One server per folder or zip archive directly under {@code uri}, by name. */
    static List<ServerSpec> folder(String uri, Configuration hadoop, String org) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(hadoop);
        List<ServerSpec> servers = new ArrayList<>();
        String base = uri.endsWith("/") ? uri : uri + "/";
        FileStatus[] listed = fs.listStatus(path);
        java.util.Arrays.sort(listed, Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus s : listed) {
            String name = s.getPath().getName();
            boolean zip = !s.isDirectory() && name.toLowerCase(Locale.ROOT).endsWith(".zip");
            if (!s.isDirectory() && !zip) continue;
            String server = zip ? name.substring(0, name.length() - ".zip".length()) : name;
            servers.add(new ServerSpec(server, org, null, List.of(base + name)));
        }
        return servers;
    }

    private static String field(List<String> fields, int i) {
        return i < fields.size() ? fields.get(i).strip() : "";
    }
}
