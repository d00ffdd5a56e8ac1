package org.exhunt.hunt;

/** Told how a server's scan advances, for a progress bar. Called from several threads. */
public interface ScanProgress {

    /** A server's files are listed: this many will be read, this many bytes in all. */
    void started(String server, int files, long bytes);

    /** One more file was read. */
    void advanced(long bytes);

    /** The server's scan is over. */
    void finished(String server);

    ScanProgress SILENT = new ScanProgress() {
        @Override public void started(String server, int files, long bytes) {}
        @Override public void advanced(long bytes) {}
        @Override public void finished(String server) {}
    };
}
