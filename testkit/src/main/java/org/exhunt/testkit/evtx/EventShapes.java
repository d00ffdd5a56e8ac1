package org.exhunt.testkit.evtx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns an event description into a template shape and its values, laid out as Windows lays out an event:
 * {@code <Event xmlns=...><System>...</System>} then EventData or UserData. Optional values (provider GUID,
 * event source name, qualifiers, activity ids, user SID) are optional substitutions given no value when
 * absent, as in real templates; the computer name is literal template text, as Windows writes it.
 */
final class EventShapes {

    private static final String EVENT_NS = "http://schemas.microsoft.com/win/2004/08/events/event";

    private final List<Object> values = new ArrayList<>();

    private EventShapes() {}

    static Shape.Instance of(EvtxEvent e, long recordId) {
        return new EventShapes().event(e, recordId);
    }

    private Shape.Instance event(EvtxEvent e, long recordId) {
        List<Shape.Node> children = new ArrayList<>();
        children.add(system(e, recordId));
        if (e.userData != null) {
            children.add(slot(nested(inner -> inner.userData(e.userData)), 0x21, false));
        } else if (!e.data.isEmpty() || e.binary != null) {
            if (e.layout == EvtxEvent.Layout.EVENTDATA_AS_BINXML) {
                children.add(slot(nested(inner -> inner.eventData(e)), 0x21, false));
            } else {
                children.add(eventData(e));
            }
        }
        Shape.Element root = element("Event", List.of(new Shape.Attribute("xmlns", new Shape.Text(EVENT_NS))), children);
        return new Shape.Instance(root, values.toArray());
    }

    private Shape.Element system(EvtxEvent e, long recordId) {
        List<Shape.Node> s = new ArrayList<>();
        s.add(element("Provider", List.of(
                attribute("Name", EvtxValue.string(e.provider), false),
                attribute("Guid", e.providerGuid == null ? null : EvtxValue.guid(e.providerGuid), 0x0f),
                attribute("EventSourceName", e.eventSourceName == null ? null : EvtxValue.string(e.eventSourceName), 0x01)),
                List.of()));
        s.add(element("EventID", List.of(
                attribute("Qualifiers", e.qualifiers == null ? null : EvtxValue.uint16(e.qualifiers), 0x06)),
                List.of(slot(EvtxValue.uint16(e.eventId)))));
        s.add(leaf("Version", EvtxValue.uint8(e.version)));
        s.add(leaf("Level", EvtxValue.uint8(e.level)));
        s.add(leaf("Task", EvtxValue.uint16(e.task)));
        s.add(leaf("Opcode", EvtxValue.uint8(e.opcode)));
        s.add(leaf("Keywords", EvtxValue.hex64(e.keywords)));
        s.add(element("TimeCreated", List.of(attribute("SystemTime", EvtxValue.filetime(e.time), false)), List.of()));
        s.add(leaf("EventRecordID", EvtxValue.uint64(recordId)));
        s.add(element("Correlation", List.of(
                attribute("ActivityID", e.activityId == null ? null : EvtxValue.guid(e.activityId), 0x0f),
                attribute("RelatedActivityID", e.relatedActivityId == null ? null : EvtxValue.guid(e.relatedActivityId), 0x0f)),
                List.of()));
        s.add(element("Execution", List.of(
                attribute("ProcessID", EvtxValue.uint32(e.processId), false),
                attribute("ThreadID", EvtxValue.uint32(e.threadId), false)), List.of()));
        s.add(leaf("Channel", EvtxValue.string(e.channel)));
        s.add(element("Computer", List.of(), List.of(new Shape.Text(e.computer))));
        s.add(element("Security", List.of(attribute("UserID", e.userSid == null ? null : EvtxValue.sid(e.userSid), 0x13)),
                List.of()));
        return element("System", List.of(), s);
    }

    /** {@code <EventData>} with its Data elements and Binary; values go to {@code values}. */
    private Shape.Element eventData(EvtxEvent e) {
        List<Shape.Node> data = new ArrayList<>();
        for (EvtxEvent.Data d : e.data) {
            List<Shape.Attribute> attributes = d.name() == null ? List.of()
                    : List.of(new Shape.Attribute("Name", new Shape.Text(d.name())));
            data.add(element("Data", attributes, List.of(slot(d.value()))));
        }
        if (e.binary != null) data.add(leaf("Binary", e.binary));
        return element("EventData", List.of(), data);
    }

    private Shape.Element userData(EvtxEvent.UserData u) {
        List<Shape.Node> fields = new ArrayList<>();
        for (EvtxEvent.Data d : u.fields()) fields.add(leaf(d.name(), d.value()));
        Shape.Element inner = element(u.element(),
                List.of(new Shape.Attribute("xmlns", new Shape.Text(u.namespace()))), fields);
        return element("UserData", List.of(), List.of(inner));
    }

    /** Content with its own template and values, for a binary XML substitution. */
    private static Shape.Instance nested(Function<EventShapes, Shape.Element> content) {
        EventShapes inner = new EventShapes();
        Shape.Element root = content.apply(inner);
        return new Shape.Instance(root, inner.values.toArray());
    }

    private Shape.Element leaf(String name, EvtxValue value) {
        return element(name, List.of(), List.of(slot(value)));
    }

    private static Shape.Element element(String name, List<Shape.Attribute> attributes, List<Shape.Node> children) {
        return new Shape.Element(name, attributes, children);
    }

    private Shape.Attribute attribute(String name, EvtxValue value, boolean optional) {
        return new Shape.Attribute(name, slot(value, value.type(), optional));
    }

    /** An optional attribute: its slot keeps the type in the template even when this event has no value. */
    private Shape.Attribute attribute(String name, EvtxValue value, int type) {
        return new Shape.Attribute(name, slot(value == null ? EvtxValue.none() : value, type, true));
    }

    private Shape.Slot slot(EvtxValue value) {
        return slot(value, value.type(), false);
    }

    private Shape.Slot slot(Object value, int type, boolean optional) {
        values.add(value);
        return new Shape.Slot(values.size() - 1, type, optional);
    }
}
