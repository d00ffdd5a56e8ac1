package org.exhunt.evidence.collector;

import java.util.List;

/**
 * A folder of a collection that holds one drive's root: {@code tout/C} holds {@code C:\} in a KAPE output.
 *
 * @param prefix       the folder's segments from the top of the collection, as stored
 * @param drive        the drive letter, upper case
 * @param urlEncoded   whether names below it are URL-encoded (Velociraptor)
 */
public record DriveRoot(List<String> prefix, char drive, boolean urlEncoded) {

    public DriveRoot {
        prefix = List.copyOf(prefix);
    }

    /** The folder as a '/'-separated path, {@code tout/C}, or {@code .} for the top. */
    public String display() {
        return prefix.isEmpty() ? "." : String.join("/", prefix);
    }
}
