package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What a scan looked at, and what it left out.
 *
 * @param filesListed        files of the evidence listed (all of them: a file not read is still listed)
 * @param webFilesExamined   files examined in the web-shell locations
 * @param logFilesRead       log files read record by record
 * @param filesExcluded      files left out by {@code --exclude}
 * @param excludes           the {@code --exclude} globs, as given
 * @param logFormatsNotRead  files in log folders in formats exhunt does not read, by extension, sorted
 * @param since              the start of the window log evidence was limited to ({@code --since}), or null
 * @param until              its end ({@code --until}), or null
 * @param requestsNotIndexed requests to script files not indexed because the cap on URL paths was reached
 */
public record Examined(long filesListed, long webFilesExamined, long logFilesRead, long filesExcluded,
                       List<String> excludes, List<UnreadFormat> logFormatsNotRead, Instant since, Instant until,
                       long requestsNotIndexed) implements Serializable {

    public Examined {
        excludes = List.copyOf(excludes);
        logFormatsNotRead = List.copyOf(logFormatsNotRead);
    }
}
