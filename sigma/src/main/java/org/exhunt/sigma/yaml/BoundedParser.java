package org.exhunt.sigma.yaml;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The YAML library's event parser, bounded for its composer, which recurses once per level and loops forever on
 * a merge key that names the mapping it is in ({@code a: &x {<<: *x}}):
 * <ul>
 * <li>a collection that starts {@code limit} levels deep reaches the composer empty (with its anchor and start
 * mark), and its content is read past. The parser itself keeps its state on heap stacks, so a file nested 100,000
 * deep costs time linear in its size, never the thread's stack; the tree built from the events says the file is
 * nested too deep at the first node past the limit ({@link YamlTree}), and {@link #cut()} says where this parser
 * cut. Aliases to anchors inside a part read past become empty nodes of their kind.
 * <li>an alias that names a collection it is inside of is refused: rules have no use for a node that contains
 * itself.
 * </ul>
 */
final class BoundedParser implements Parser {

    private static final Anchor NONE = new Anchor("-");   // an open collection without an anchor

    private final Parser parser;
    private final int limit;
    private final ArrayDeque<Event> ready = new ArrayDeque<>();
    private final Map<Anchor, Boolean> skippedAnchors = new HashMap<>();   // anchor read past -> is a collection
    private final Map<Anchor, Integer> definedAt = new HashMap<>();        // anchor -> depth of the collection it names,
                                                                            // -1 when closed or a scalar
    private final ArrayDeque<Anchor> openAnchors = new ArrayDeque<>();     // per open collection; NONE when none
    private int depth;   // collections open around the next node
    private Optional<Mark> cut = Optional.empty();

    BoundedParser(Parser parser, int limit) {
        this.parser = parser;
        this.limit = limit;
    }

    /** The start of the first collection emptied, if any. */
    Optional<Mark> cut() {
        return cut;
    }

    /** Forgets the cut of the document read (anchors are per document, as in the composer). */
    void nextDocument() {
        cut = Optional.empty();
        skippedAnchors.clear();
        definedAt.clear();
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        fill();
        return !ready.isEmpty() && ready.peekFirst().getEventId() == id;
    }

    @Override
    public Event peekEvent() {
        fill();
        return ready.peekFirst();
    }

    @Override
    public Event next() {
        fill();
        Event e = ready.pollFirst();
        if (e == null) throw new java.util.NoSuchElementException("no more events");
        return e;
    }

    @Override
    public boolean hasNext() {
        return !ready.isEmpty() || parser.hasNext();
    }

    private void fill() {
        if (!ready.isEmpty() || !parser.hasNext()) return;
        Event e = parser.next();
        switch (e.getEventId()) {
            case SequenceStart, MappingStart -> {
                Optional<Anchor> anchor = ((NodeEvent) e).getAnchor();
                anchor.ifPresent(skippedAnchors::remove);   // an anchor defined again
                if (depth < limit) {
                    anchor.ifPresent(a -> definedAt.put(a, depth));
                    openAnchors.push(anchor.orElse(NONE));
                    depth++;
                    ready.add(e);
                } else {
                    anchor.ifPresent(a -> definedAt.put(a, -1));
                    if (cut.isEmpty()) cut = e.getStartMark();
                    emptied((CollectionStartEvent) e);
                }
            }
            case SequenceEnd, MappingEnd -> {
                depth--;
                Anchor closed = openAnchors.pop();
                if (closed != NONE && definedAt.get(closed) == depth) definedAt.put(closed, -1);
                ready.add(e);
            }
            case Alias -> {
                Anchor alias = ((AliasEvent) e).getAlias();
                Boolean collection = skippedAnchors.get(alias);
                if (collection != null) {
                    placeholder(e, collection);
                } else {
                    if (definedAt.getOrDefault(alias, -1) >= 0) {
                        throw new ComposerException("alias *" + alias.getValue() + " names a node it is inside of", e.getStartMark());
                    }
                    ready.add(e);
                }
            }
            case Scalar -> {
                ((NodeEvent) e).getAnchor().ifPresent(a -> {
                    skippedAnchors.remove(a);
                    definedAt.put(a, -1);
                });
                ready.add(e);
            }
            default -> ready.add(e);
        }
    }

    /** The collection with nothing in it; its content is read past, noting the anchors defined there. */
    private void emptied(CollectionStartEvent start) {
        boolean sequence = start instanceof SequenceStartEvent;
        ready.add(sequence
                ? new SequenceStartEvent(start.getAnchor(), start.getTag(), start.isImplicit(), start.getFlowStyle(), start.getStartMark(), start.getEndMark())
                : new MappingStartEvent(start.getAnchor(), start.getTag(), start.isImplicit(), start.getFlowStyle(), start.getStartMark(), start.getEndMark()));
        int open = 1;
        Event e = start;
        while (open > 0 && parser.hasNext()) {
            e = parser.next();
            switch (e.getEventId()) {
                case SequenceStart, MappingStart -> {
                    open++;
                    ((NodeEvent) e).getAnchor().ifPresent(a -> skippedAnchors.put(a, true));
                }
                case SequenceEnd, MappingEnd -> open--;
                case Scalar -> ((NodeEvent) e).getAnchor().ifPresent(a -> skippedAnchors.put(a, false));
                default -> { }
            }
        }
        ready.add(sequence ? new SequenceEndEvent(e.getStartMark(), e.getEndMark()) : new MappingEndEvent(e.getStartMark(), e.getEndMark()));
    }

    /** An empty node of the kind an alias to a part read past names, in its place. */
    private void placeholder(Event alias, boolean collection) {
        if (collection) {
            ready.add(new SequenceStartEvent(Optional.empty(), Optional.empty(), true, FlowStyle.FLOW, alias.getStartMark(), alias.getEndMark()));
            ready.add(new SequenceEndEvent(alias.getStartMark(), alias.getEndMark()));
        } else {
            ready.add(new ScalarEvent(Optional.empty(), Optional.empty(), new ImplicitTuple(true, false), "", ScalarStyle.PLAIN,
                    alias.getStartMark(), alias.getEndMark()));
        }
    }
}
