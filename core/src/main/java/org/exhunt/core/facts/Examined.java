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
 * @param webFolderFiles     files of the folders IIS serves ({@code inetpub\wwwroot}, the install's
 *                           {@code FrontEnd\HttpProxy} and {@code ClientAccess}) whose content was examined
 * @param productArchives    archives in ProgramData inside a known product's own tree, written outside every chain's
 *                           exposure window: not findings (at most {@link #PRODUCT_ARCHIVES_KEPT}, by path)
 * @param productArchivesNotKept how many more there were
 */
public record Examined(long filesListed, long webFilesExamined, long logFilesRead, long filesExcluded,
                       List<String> excludes, List<UnreadFormat> logFormatsNotRead, Instant since, Instant until,
                       long requestsNotIndexed, long webFolderFiles, List<ProductArchive> productArchives,
                       long productArchivesNotKept) implements Serializable {

    /** Product archives named one by one; more are counted. */
    public static final int PRODUCT_ARCHIVES_KEPT = 100;

    public Examined {
        excludes = List.copyOf(excludes);
        logFormatsNotRead = List.copyOf(logFormatsNotRead);
        productArchives = productArchives == null ? List.of() : List.copyOf(productArchives);
    }
}
