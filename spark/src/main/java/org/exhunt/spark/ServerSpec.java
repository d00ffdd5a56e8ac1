package org.exhunt.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One server of a run: its name, the organisation and case it belongs to (the tables are partitioned by
 * organisation), and the paths of its evidence (folders or zips, local or URIs), like {@code --server NAME PATH...}.
 *
 * @param caseId the case, or null
 */
record ServerSpec(String server, String org, String caseId, List<String> paths) implements Serializable {

    ServerSpec {
        paths = List.copyOf(paths);
    }
}
