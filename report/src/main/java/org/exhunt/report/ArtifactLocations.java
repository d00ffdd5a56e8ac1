package org.exhunt.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.ServerResult;

/**
 * Where SARIF says a file is: relative to the evidence it was read from, so that a report opened on another machine,
 * or by GitHub code scanning in a repository holding the evidence, points at the file rather than at a path of the
 * analyst's machine. Each input of a scan (a folder, a zip, a single file's folder) that a located file lies in is a
 * base ({@code run.originalUriBaseIds}: {@code EVIDENCE}, or {@code EVIDENCE1}, {@code EVIDENCE2}, ... by input
 * when a run read several), with its absolute URI there; the file is located by a relative URI and that base's id.
 * Evidence files are named as the input was given, followed by {@code /} or {@code \} in a folder, {@code !/} in a
 * zip, or nothing for a file given alone. A file under no input (a probe's URL) keeps its absolute URI.
 */
final class ArtifactLocations {

    /** One input, for the files of one server. */
    private record Input(String id, String server, String given, String prefix, Path absolute) {}

    /** How files lie in an input, found from the first one located. */
    private record Base(String id, String uri, String description) {}

    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, Base> used = new LinkedHashMap<>();

    ArtifactLocations(List<ServerResult> results) {
        List<String[]> paths = new ArrayList<>();
        for (ServerResult r : results) {
            for (String input : r.inputs()) if (!input.isBlank() && !input.contains("://")) paths.add(new String[] {r.server(), input});
        }
        for (int i = 0; i < paths.size(); i++) {
            String given = paths.get(i)[1];
            String prefix = given.length() > 1 && (given.endsWith("/") || given.endsWith("\\"))
                    ? given.substring(0, given.length() - 1) : given;
            try {
                inputs.add(new Input(paths.size() == 1 ? "EVIDENCE" : "EVIDENCE" + (i + 1), paths.get(i)[0], given, prefix,
                        Path.of(given).toAbsolutePath().normalize()));
            } catch (InvalidPathException e) {
                // not a path of this machine: its files keep absolute URIs
            }
        }
    }

    /** {@code run.originalUriBaseIds} for the bases that located a file, or null when none did. */
    ObjectNode baseIds() {
        if (used.isEmpty()) return null;
        ObjectNode ids = JsonNodeFactory.instance.objectNode();
        used.values().forEach(b -> ids.putObject(b.id()).put("uri", b.uri()).putObject("description").put("text", b.description()));
        return ids;
    }

    /** The {@code artifactLocation} of {@code file}, read for {@code server}. */
    ObjectNode of(String server, String file) {
        ObjectNode location = JsonNodeFactory.instance.objectNode();
        for (Input in : inputs) {
            if (!in.server().equals(server)) continue;
            String relative = locate(in, file);
            if (relative != null) {
                location.put("uri", relative);
                location.put("uriBaseId", in.id());
                return location;
            }
        }
        location.put("uri", FileUris.of(file));
        return location;
    }

    /** The file's relative URI under the input (and the input's base, on first use), or null when it is not under it. */
    private String locate(Input in, String file) {
        boolean unix = in.absolute().toString().startsWith("/");
        String kind;
        String rest;
        if (file.startsWith(in.prefix() + "!/")) {
            kind = "zip";
            rest = FileUris.relative(file.substring(in.prefix().length() + 2), false);
        } else if (file.length() > in.prefix().length() + 1 && file.startsWith(in.prefix())
                && (file.charAt(in.prefix().length()) == '/' || (!unix && file.charAt(in.prefix().length()) == '\\'))) {
            kind = "folder";
            rest = FileUris.relative(file.substring(in.prefix().length() + 1), unix);
        } else if (file.equals(in.prefix()) && in.absolute().getParent() != null) {
            kind = "file";
            rest = FileUris.relative(in.absolute().getFileName().toString(), unix);
        } else {
            return null;
        }
        String uri = switch (kind) {
            case "zip" -> FileUris.of(in.absolute().toString()) + "!/";
            case "file" -> folderUri(in.absolute().getParent());
            default -> folderUri(in.absolute());
        };
        Base known = used.putIfAbsent(in.id(), new Base(in.id(), uri,
                "the evidence of server " + in.server() + " as the scan read it: " + in.given()));
        return known == null || known.uri().equals(uri) ? rest : null;
    }

    private static String folderUri(Path folder) {
        String uri = FileUris.of(folder.toString());
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
