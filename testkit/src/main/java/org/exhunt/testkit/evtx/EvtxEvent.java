package org.exhunt.testkit.evtx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One event to write: the System values Windows records for every event, then EventData (values by name
 * or unnamed, an optional Binary) or UserData. Built with {@link #builder}; defaults are those of an
 * ordinary informational event.
 */
public final class EvtxEvent {

    /** Where EventData goes: in the event's own template, or as a nested binary XML value. */
    public enum Layout {
        /** {@code <EventData>} is part of the event's template, as Sysmon writes it. */
        EVENTDATA_IN_TEMPLATE,
        /** {@code <EventData>} is a binary XML substitution with its own template, as Security writes it. */
        EVENTDATA_AS_BINXML
    }

    /** One {@code <Data>} element: {@code name} null for an unnamed one. */
    public record Data(String name, EvtxValue value) {
        public Data {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code <UserData><element xmlns="namespace"><name>value</name>...</element></UserData>}. */
    public record UserData(String element, String namespace, List<Data> fields) {
        public UserData {
            fields = List.copyOf(fields);
        }
    }

    final String provider;
    final String providerGuid;
    final String eventSourceName;
    final int eventId;
    final Integer qualifiers;
    final int version;
    final int level;
    final int task;
    final int opcode;
    final long keywords;
    final Instant time;
    final String activityId;
    final String relatedActivityId;
    final long processId;
    final long threadId;
    final String channel;
    final String computer;
    final String userSid;
    final Layout layout;
    final List<Data> data;
    final EvtxValue binary;
    final UserData userData;

    private EvtxEvent(Builder b) {
        provider = b.provider;
        providerGuid = b.providerGuid;
        eventSourceName = b.eventSourceName;
        eventId = b.eventId;
        qualifiers = b.qualifiers;
        version = b.version;
        level = b.level;
        task = b.task;
        opcode = b.opcode;
        keywords = b.keywords;
        time = b.time;
        activityId = b.activityId;
        relatedActivityId = b.relatedActivityId;
        processId = b.processId;
        threadId = b.threadId;
        channel = b.channel;
        computer = b.computer;
        userSid = b.userSid;
        layout = b.layout;
        data = List.copyOf(b.data);
        binary = b.binary;
        userData = b.userData;
    }

    public static Builder builder(String provider, String channel, int eventId, Instant time) {
        return new Builder(provider, channel, eventId, time);
    }

    public String provider() {
        return provider;
    }

    public String channel() {
        return channel;
    }

    public int eventId() {
        return eventId;
    }

    public Instant time() {
        return time;
    }

    /** EventData's {@code <Data>} elements in order. */
    public List<Data> data() {
        return data;
    }

    /** EventData's {@code <Binary>} value, or null. */
    public EvtxValue binary() {
        return binary;
    }

    /** The UserData, or null. */
    public UserData userData() {
        return userData;
    }

    /** Builds an {@link EvtxEvent}. */
    public static final class Builder {
        private final String provider;
        private final String channel;
        private final int eventId;
        private final Instant time;
        private String providerGuid;
        private String eventSourceName;
        private Integer qualifiers;
        private int version;
        private int level = 4;
        private int task;
        private int opcode;
        private long keywords = 0x8000000000000000L;
        private String activityId;
        private String relatedActivityId;
        private long processId = 4;
        private long threadId = 8;
        private String computer = "EXCH01.contoso.local";
        private String userSid;
        private Layout layout = Layout.EVENTDATA_IN_TEMPLATE;
        private final List<Data> data = new ArrayList<>();
        private EvtxValue binary;
        private UserData userData;

        private Builder(String provider, String channel, int eventId, Instant time) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.channel = Objects.requireNonNull(channel, "channel");
            this.eventId = eventId;
            this.time = Objects.requireNonNull(time, "time");
        }

        public Builder providerGuid(String guid) {
            providerGuid = guid;
            return this;
        }

        public Builder eventSourceName(String name) {
            eventSourceName = name;
            return this;
        }

        public Builder qualifiers(int value) {
            qualifiers = value;
            return this;
        }

        public Builder version(int value) {
            version = value;
            return this;
        }

        /** 1 critical, 2 error, 3 warning, 4 information, 5 verbose. */
        public Builder level(int value) {
            level = value;
            return this;
        }

        public Builder task(int value) {
            task = value;
            return this;
        }

        public Builder opcode(int value) {
            opcode = value;
            return this;
        }

        public Builder keywords(long value) {
            keywords = value;
            return this;
        }

        public Builder activityId(String guid) {
            activityId = guid;
            return this;
        }

        public Builder relatedActivityId(String guid) {
            relatedActivityId = guid;
            return this;
        }

        public Builder process(long processId, long threadId) {
            this.processId = processId;
            this.threadId = threadId;
            return this;
        }

        public Builder computer(String name) {
            computer = Objects.requireNonNull(name, "computer");
            return this;
        }

        public Builder userSid(String sid) {
            userSid = sid;
            return this;
        }

        public Builder layout(Layout value) {
            layout = Objects.requireNonNull(value, "layout");
            return this;
        }

        /** {@code <Data Name="name">value</Data>} as text. */
        public Builder data(String name, String value) {
            return data(name, EvtxValue.string(value));
        }

        /** {@code <Data Name="name">value</Data>}. */
        public Builder data(String name, EvtxValue value) {
            data.add(new Data(Objects.requireNonNull(name, "name"), value));
            return this;
        }

        /** Unnamed {@code <Data>value</Data>} elements, in order, as text. */
        public Builder unnamedData(String... values) {
            for (String v : values) data.add(new Data(null, EvtxValue.string(v)));
            return this;
        }

        /** An unnamed {@code <Data>} of any type. */
        public Builder unnamedData(EvtxValue value) {
            data.add(new Data(null, value));
            return this;
        }

        /** EventData's {@code <Binary>} element. */
        public Builder binary(byte[] value) {
            binary = EvtxValue.binary(value);
            return this;
        }

        /** UserData instead of EventData (written as a nested binary XML value, as Windows does). */
        public Builder userData(String element, String namespace, List<Data> fields) {
            userData = new UserData(element, namespace, fields);
            return this;
        }

        public EvtxEvent build() {
            if (userData != null && (!data.isEmpty() || binary != null)) {
                throw new IllegalStateException("an event has EventData or UserData, not both");
            }
            return new EvtxEvent(this);
        }
    }
}
