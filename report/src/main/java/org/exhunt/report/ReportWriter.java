package org.exhunt.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;

/** One output format. */
public interface ReportWriter {

    void write(Writer out, RunInfo run, List<ServerResult> results) throws IOException;
}
