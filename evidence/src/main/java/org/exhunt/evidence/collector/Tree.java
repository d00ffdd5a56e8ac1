package org.exhunt.evidence.collector;

import java.util.List;

/** The first levels of a folder or archive, as much as layout detection needs to see. */
@FunctionalInterface
public interface Tree {

    /** One name in a folder. */
    record Node(String name, boolean directory) {}

    /** The names in a folder given by its segments from the top ({@code []} is the top); empty when unknown. */
    List<Node> children(List<String> folder);
}
