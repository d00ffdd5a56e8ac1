package org.exhunt.evidence.collector;

/** Where a stored path of a collection lands: on a drive, outside every drive, or nowhere (refused). */
public sealed interface Placement {

    /** A file of the server: drive letter and drive path ('/'-separated, decoded). */
    record OnDrive(char drive, String path) implements Placement {}

    /**
     * Not on a drive: a collector's own file (a log, a result table) when {@code root} is null, or a file
     * under an {@link UnmappedRoot}.
     */
    record Outside(UnmappedRoot root) implements Placement {}

    /** A name that cannot be placed (a URL-encoded name that decodes to a separator or to {@code ..}). */
    record Refused(String reason) implements Placement {}
}
