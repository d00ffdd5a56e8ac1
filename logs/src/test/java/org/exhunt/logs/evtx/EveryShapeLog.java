package org.exhunt.logs.evtx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxDamage;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxValue;
import org.exhunt.testkit.evtx.EvtxWriter;

/**
 * The events of one log holding every event shape the test kit writes, and the value type behind each field
 * they have (what readers must be compared by).
 *
 * <p>A shape, for the writer, is the event's template: the System part is one template for every event (each
 * optional value is an optional substitution, present or not), so what varies is where EventData or UserData goes
 * (in the template, nested as binary XML, UserData) and each Data element's name and value type, each encoded on
 * its own. The log therefore holds every scalar type in each of the three places, with every optional System value
 * and with none, so any event made with {@link EvtxEvent#builder} (the bench's everyday events too) has its parts
 * here; then every event of {@link EventSamples}, which the example images and the benchmark images are made of;
 * then hundreds more from {@link EventSamples#mix}, so that templates and names are defined in several chunks
 * and referenced from later records.
 */
final class EveryShapeLog {

    static final Instant T = Instant.parse("2021-03-02T05:24:53.0920517Z");   // to the 100 ns tick
    private static final String PROVIDER = "Test-Provider";

    /** System fields whose values are typed; the others are text or decimal in every reader. */
    private static final Map<String, Integer> SYSTEM_TYPES = Map.of("Provider_Guid", 0x0f, "Keywords", 0x15,
            "TimeCreated_SystemTime", 0x11, "Correlation_ActivityID", 0x0f, "Correlation_RelatedActivityID", 0x0f,
            "Security_UserID", 0x13);

    private EveryShapeLog() {}

    /** Every shape, in the order written. */
    static List<EvtxEvent> events() {
        List<EvtxEvent> events = new ArrayList<>();
        for (boolean optionals : new boolean[] {true, false}) {
            for (EvtxEvent.Layout layout : EvtxEvent.Layout.values()) {
                events.add(everyType(optionals).layout(layout).unnamedData("unnamed, after the named ones")
                        .binary(new byte[] {(byte) 0xd9, 0x06, 0, 0}).build());
            }
            List<EvtxEvent.Data> fields = new ArrayList<>(everyType(optionals).build().data());
            fields.add(new EvtxEvent.Data("bin", EvtxValue.binary(new byte[] {1, 2, (byte) 0xff})));
            events.add(system(optionals).userData("Operation_ClientFailure",
                    "http://manifests.microsoft.com/win/2006/windows/WMI", fields).build());
            events.add(system(optionals).build());   // no EventData at all
        }
        events.addAll(samples());
        Iterator<EvtxEvent> mix = EventSamples.mix(T);
        for (int i = 0; i < 600; i++) events.add(mix.next());
        return events;
    }

    /**
     * Values python-evtx cannot read, in EventData (in the template and nested) and in UserData: every array type
     * (it has none but strings, which it renders as one escaped text) and ANSI text beyond ASCII (it decodes ANSI as
     * ASCII). Boolean and SID arrays are left out: no test-kit image has them, and Debian's libevtx (20181227)
     * refuses the two types outright ("unsupported value type: 0x8d", "0x93"), a limit of that reader rather than
     * a layout it disagrees with.
     */
    static List<EvtxEvent> beyondPythonEvtx() {
        List<EvtxEvent.Data> fields = List.of(
                new EvtxEvent.Data("Ansi", EvtxValue.ansi("Windows-1252: é, €")),
                new EvtxEvent.Data("Names", EvtxValue.strings("a", "", "b c")),
                new EvtxEvent.Data("I8s", EvtxValue.array(EvtxValue.int8(1), EvtxValue.int8(-2))),
                new EvtxEvent.Data("U8s", EvtxValue.array(EvtxValue.uint8(1), EvtxValue.uint8(255))),
                new EvtxEvent.Data("I16s", EvtxValue.array(EvtxValue.int16(-300), EvtxValue.int16(300))),
                new EvtxEvent.Data("Ports", EvtxValue.array(EvtxValue.uint16(80), EvtxValue.uint16(443))),
                new EvtxEvent.Data("I32s", EvtxValue.array(EvtxValue.int32(-70000), EvtxValue.int32(5))),
                new EvtxEvent.Data("U32s", EvtxValue.array(EvtxValue.uint32(4000000000L), EvtxValue.uint32(0))),
                new EvtxEvent.Data("I64s", EvtxValue.array(EvtxValue.int64(-5_000_000_000L), EvtxValue.int64(1))),
                new EvtxEvent.Data("U64s", EvtxValue.array(EvtxValue.uint64(-1L), EvtxValue.uint64(2))),
                new EvtxEvent.Data("F32s", EvtxValue.array(EvtxValue.real32(1.5f), EvtxValue.real32(0.1f))),
                new EvtxEvent.Data("F64s", EvtxValue.array(EvtxValue.real64(2.5e-7), EvtxValue.real64(-3))),
                new EvtxEvent.Data("Guids", EvtxValue.array(EvtxValue.guid("0197231e-ab9f-67aa-e703-000000000000"),
                        EvtxValue.guid("8e521e2b-7c26-0001-417f-9c8e267cdb01"))),
                new EvtxEvent.Data("Times", EvtxValue.array(EvtxValue.filetime(T), EvtxValue.filetime(T.plusSeconds(1)))),
                new EvtxEvent.Data("SysTimes", EvtxValue.array(EvtxValue.systemtime(Instant.parse("2020-12-31T23:59:59.123Z")),
                        EvtxValue.systemtime(T))),
                new EvtxEvent.Data("Hex32s", EvtxValue.array(EvtxValue.hex32(0x80041003L), EvtxValue.hex32(1))),
                new EvtxEvent.Data("Hex64s", EvtxValue.array(EvtxValue.hex64(0x3e7), EvtxValue.hex64(-1L))));
        List<EvtxEvent> events = new ArrayList<>();
        for (EvtxEvent.Layout layout : EvtxEvent.Layout.values()) {
            EvtxEvent.Builder b = system(true).layout(layout);
            fields.forEach(f -> b.data(f.name(), f.value()));
            events.add(b.build());
        }
        events.add(system(false).userData("Values", "urn:exhunt:values", fields).build());
        return events;
    }

    /**
     * Events whose records fill the first chunk to its last byte unless the writer leaves the chunk's tail free: the
     * first defines the template, the next ones fill the chunk but for less than two records, the last is padded
     * to the exact size of the space left, and one more follows.
     */
    static List<EvtxEvent> fillingAChunk() {
        int[] sizes = recordSizes(padded(0), padded(0));
        int first = sizes[0];
        int filler = sizes[1];
        int fillers = (EvtxDamage.CHUNK - 512 - first) / filler - 1;
        int left = EvtxDamage.CHUNK - 512 - first - fillers * filler;
        int characters = 0;
        while (recordSizes(padded(0), padded(characters))[1] < left) characters++;
        if (recordSizes(padded(0), padded(characters))[1] != left) throw new IllegalStateException("no event fills " + left);
        List<EvtxEvent> events = new ArrayList<>();
        for (int i = 0; i <= fillers; i++) events.add(padded(0));
        events.add(padded(characters));
        events.add(padded(0));
        return events;
    }

    private static EvtxEvent padded(int characters) {
        return system(false).data("Padding", "x".repeat(characters)).build();
    }

    /** The record sizes of two events written one after the other. */
    private static int[] recordSizes(EvtxEvent a, EvtxEvent b) {
        byte[] file = EvtxWriter.toBytes(List.of(a, b));
        return EvtxDamage.recordOffsets(file, 0).stream().mapToInt(at -> EvtxDamage.le(file).getInt(at + 4)).toArray();
    }

    /**
     * The value type of each field of these events, by provider and field name; System fields by name. A field
     * not listed is text: a typed value missing here shows as a difference, never hides one.
     */
    static Map<String, Integer> types(List<EvtxEvent> events) {
        Map<String, Integer> types = new HashMap<>();
        for (EvtxEvent e : events) {
            List<EvtxEvent.Data> fields = e.userData() != null ? e.userData().fields() : e.data();
            for (EvtxEvent.Data d : fields) {
                String key = key(e.provider(), d.name() == null ? "Data" : d.name());
                int type = d.value().type() & 0x7f;   // an array's items
                Integer before = types.put(key, type);
                if (before != null && before != type) {
                    throw new IllegalStateException(key + " has two value types; give one of them another name");
                }
            }
            if (e.binary() != null) types.put(key(e.provider(), "Binary"), 0x0e);
        }
        return types;
    }

    /** The type of {@code field} in an event of {@code provider}: 0x01 (text) when not known. */
    static int type(Map<String, Integer> types, String provider, String field) {
        Integer system = SYSTEM_TYPES.get(field);
        return system != null ? system : types.getOrDefault(key(provider, field), 0x01);
    }

    private static String key(String provider, String field) {
        return provider + "/" + field;
    }

    /** Every event of {@link EventSamples}. */
    private static List<EvtxEvent> samples() {
        Instant t = T.plusSeconds(3600);
        return List.of(EventSamples.mailboxExportToWebRoot(t), EventSamples.mailboxImportExportRoleAssignment(t),
                EventSamples.oabVirtualDirectoryChopper(t), EventSamples.cmdlet(t, 6, "Set-Mailbox", "-Identity \"bob\"",
                        "contoso.local/Users/mallory.admin", "ECP", "7804 w3wp#MSExchangeECPAppPool"),
                EventSamples.unifiedMessagingInvalidCast(t), EventSamples.sysmonW3wpStartsCmd(t, "cmd /c whoami"),
                EventSamples.sysmonUmWorkerWritesAspx(t), EventSamples.securityLsassDump(t),
                EventSamples.securityLogon(t, "alice", "CONTOSO", 3, "10.1.2.3", 0x12a852),
                EventSamples.msiUpdate(t, "Security Update for Exchange Server 2016 Cumulative Update 19 (KB5000871)", true),
                EventSamples.msiUpdate(t, "Security Update for Exchange Server 2016 Cumulative Update 19 (KB5000871)", false));
    }

    /** Every scalar value type as named EventData. */
    private static EvtxEvent.Builder everyType(boolean optionals) {
        return system(optionals)
                .data("s", "text <with> & markup, \"quotes\" and 'apostrophes'").data("a", EvtxValue.ansi("plain ansi"))
                .data("i8", EvtxValue.int8(-5)).data("u8", EvtxValue.uint8(250))
                .data("i16", EvtxValue.int16(-300)).data("u16", EvtxValue.uint16(65000))
                .data("i32", EvtxValue.int32(-70000)).data("u32", EvtxValue.uint32(4000000000L))
                .data("i64", EvtxValue.int64(-5_000_000_000L)).data("u64", EvtxValue.uint64(Long.MAX_VALUE))
                .data("f32", EvtxValue.real32(0.1f)).data("f64", EvtxValue.real64(2.5e-7))
                .data("t", EvtxValue.bool(true)).data("f", EvtxValue.bool(false))
                .data("guid", EvtxValue.guid("0197231e-ab9f-67aa-e703-000000000000"))
                .data("ft", EvtxValue.filetime(Instant.parse("2020-12-31T23:59:59.1234567Z")))
                .data("st", EvtxValue.systemtime(Instant.parse("2020-12-31T23:59:59.123Z")))
                .data("sid", EvtxValue.sid("S-1-5-32-544")).data("h32", EvtxValue.hex32(255))
                .data("h64", EvtxValue.hex64(0x3c44cL)).data("empty", "");
    }

    /** An event's System part: with every optional value (provider GUID, source name, qualifiers, ...) or none. */
    private static EvtxEvent.Builder system(boolean optionals) {
        EvtxEvent.Builder b = EvtxEvent.builder(PROVIDER, "Application", optionals ? 9 : 10, T)
                .version(1).level(3).task(12).opcode(2).keywords(0x8020000000000000L).process(3208, 1724);
        if (!optionals) return b;
        return b.providerGuid("{0197231e-ab9f-67aa-e703-000000000000}").eventSourceName("Test Source").qualifiers(16384)
                .activityId("8e521e2b-7c26-0001-417f-9c8e267cdb01").relatedActivityId("8e521e2b-7c26-0001-417f-9c8e267cdb02")
                .userSid("S-1-5-21-3623811015-3361044348-30300820-1104");
    }
}
