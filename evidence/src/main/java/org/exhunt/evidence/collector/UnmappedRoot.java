package org.exhunt.evidence.collector;

import java.util.List;

/**
 * A folder of a collection that holds evidence exhunt does not place on a drive, such as a Velociraptor
 * upload from a volume shadow copy. Its files are listed as not read.
 *
 * @param prefix the folder's segments from the top of the collection, as stored
 * @param what   what it holds, for the report
 */
public record UnmappedRoot(List<String> prefix, String what) {

    public UnmappedRoot {
        prefix = List.copyOf(prefix);
    }

    public String display() {
        return String.join("/", prefix);
    }
}
