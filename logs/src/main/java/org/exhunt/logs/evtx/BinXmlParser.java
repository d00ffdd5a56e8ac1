package org.exhunt.logs.evtx;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Limits;

/**
 * Parses binary XML ([MS-EVEN6] 2.2.12; libevtx "Binary XML") into {@link Node}s. Three entry points:
 * a record's event ({@link #parseRecord}), a template definition ({@link #parseTemplate}) and a value of
 * type binary XML nested in a record ({@link #parseValueFragment}).
 *
 * <p>Token stream in brief: a fragment header ({@code 0f 01 01 00}) then either a template instance
 * ({@code 0c}: template id, definition offset, and—when the offset points just past itself—the definition
 * inline; then the values: count, 4-byte descriptors (size, type), the value bytes) or an element. An
 * element is {@code 01}/{@code 41} (0x40: has attributes), a dependency id (in template definitions
 * only), a size, a name reference, attributes ({@code 06}/{@code 46} name + value tokens), then {@code 03}
 * (empty) or {@code 02}, content, {@code 04}. Content is elements, text ({@code 05}), CDATA ({@code 07}),
 * character and entity references ({@code 08}, {@code 09}), processing instructions ({@code 0a}, {@code 0b})
 * and substitutions ({@code 0d} normal, {@code 0e} optional: index and type). {@code 00} ends the stream.
 * Names are stored once per chunk and referenced by offset; a reference to the current position means the
 * name follows inline.
 */
final class BinXmlParser {

    private final ChunkContext chunk;
    private final Cursor in;
    private final boolean inTemplate;   // element starts carry a dependency id; no template instances
    private final int nesting;          // binary XML values nested above this one

    private BinXmlParser(ChunkContext chunk, Cursor in, boolean inTemplate, int nesting) {
        this.chunk = chunk;
        this.in = in;
        this.inTemplate = inTemplate;
        this.nesting = nesting;
    }

    /** The event of a record whose binary XML spans chunk offsets {@code [start, end)}. */
    static Fragment parseRecord(ChunkContext chunk, int start, int end) throws EvtxFormatException {
        return new BinXmlParser(chunk, new Cursor(chunk.bytes, start, end), false, 0).fragment();
    }

    /** A binary XML value (type 0x21) of {@code size} bytes at a chunk offset. */
    static Fragment parseValueFragment(ChunkContext chunk, int start, int size, int nesting)
            throws EvtxFormatException {
        if (nesting > Limits.EVTX_NESTING_DEPTH) {
            throw new EvtxFormatException("binary XML values nested deeper than " + Limits.EVTX_NESTING_DEPTH, start);
        }
        return new BinXmlParser(chunk, new Cursor(chunk.bytes, start, start + size), false, nesting).fragment();
    }

    /** The template defined at a chunk offset: next-template offset, GUID, data size, then a fragment. */
    static Template parseTemplate(ChunkContext chunk, int offset) throws EvtxFormatException {
        int size = chunk.templateSize(offset);
        if (size > chunk.length - offset) throw new EvtxFormatException("template definition runs past the chunk", offset);
        String guid = ValueText.guid(chunk.bytes, offset + 4);
        Cursor in = new Cursor(chunk.bytes, offset + 24, offset + size);
        return new Template(guid, new BinXmlParser(chunk, in, true, 0).fragment().nodes());
    }

    private Fragment fragment() throws EvtxFormatException {
        List<Node> nodes = new ArrayList<>(1);
        while (in.remaining() > 0) {
            int at = in.pos;
            int token = in.u8("token");
            switch (token) {
                case 0x00:
                    return new Fragment(nodes.toArray(new Node[0]));
                case 0x0f:
                    in.skip(3, "fragment header");
                    break;
                case 0x0c:
                    if (inTemplate) throw new EvtxFormatException("template instance inside a template definition", at);
                    nodes.add(templateInstance());
                    break;
                case 0x01: case 0x41:
                    nodes.add(element(token, 1));
                    break;
                case 0x0a:
                    nodes.add(processingInstruction());
                    break;
                default:
                    throw unexpected(token, at, "fragment");
            }
        }
        return new Fragment(nodes.toArray(new Node[0]));
    }

    private Node.TemplateInstance templateInstance() throws EvtxFormatException {
        in.skip(1, "template instance");
        in.u32("template id");
        int definition = in.size32("template definition offset");
        Template template = chunk.template(definition);
        if (definition == in.pos) in.skip(chunk.templateSize(definition), "inline template definition");
        return new Node.TemplateInstance(template, values());
    }

    /** The instance's values: a count, one (size, type) descriptor each, then the value bytes in order. */
    private Object[] values() throws EvtxFormatException {
        int count = in.size32("value count");
        if (count > in.remaining() / 4) throw new EvtxFormatException(count + " values cannot fit in the record", in.pos - 4);
        int[] sizes = new int[count];
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = in.u16("value size");
            types[i] = in.u8("value type");
            in.skip(1, "value descriptor");
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            in.need(sizes[i], "value " + i);
            values[i] = ValueDecoder.decode(types[i], in.buf, in.pos, sizes[i], chunk, nesting);
            in.pos += sizes[i];
        }
        return values;
    }

    private Node.Element element(int token, int depth) throws EvtxFormatException {
        int at = in.pos - 1;
        if (depth > Limits.EVTX_NESTING_DEPTH) {
            throw new EvtxFormatException("elements nested deeper than " + Limits.EVTX_NESTING_DEPTH, at);
        }
        elementSize(at);
        String name = nameReference();
        if ((token & 0x40) != 0) in.skip(4, "attribute list size");
        List<Node.Attribute> attributes = new ArrayList<>(2);
        while (in.remaining() > 0 && (in.peek("attribute") & 0xbf) == 0x06) {
            in.pos++;
            attributes.add(new Node.Attribute(nameReference(), attributeValue()));
        }
        int close = in.u8("element start end");
        Node[] children;
        if (close == 0x03) {
            children = new Node[0];
        } else if (close == 0x02) {
            children = content(depth);
        } else {
            throw unexpected(close, in.pos - 1, "element start");
        }
        return new Node.Element(name, attributes.toArray(new Node.Attribute[0]), children);
    }

    /**
     * Reads the element's size, after a dependency id where one is expected. Some writers leave the id
     * out (or put one in) against the rule, so an implausible size is read again the other way, as the Rust
     * crate does.
     */
    private void elementSize(int at) throws EvtxFormatException {
        int start = in.pos;
        if (inTemplate) in.skip(2, "dependency id");
        long size = in.u32("element size");
        if (size <= chunk.length - in.pos) return;
        in.pos = start;
        if (!inTemplate) in.skip(2, "dependency id");
        size = in.u32("element size");
        if (size > chunk.length - in.pos) throw new EvtxFormatException("element size " + size + " runs past the chunk", at);
    }

    private Node[] attributeValue() throws EvtxFormatException {
        List<Node> parts = new ArrayList<>(1);
        while (in.remaining() > 0) {
            int token = in.peek("attribute value");
            switch (token) {
                case 0x05: case 0x45: case 0x08: case 0x48: case 0x09: case 0x49: case 0x0d: case 0x0e:
                    in.pos++;
                    parts.add(valueLike(token));
                    break;
                default:
                    return parts.toArray(new Node[0]);
            }
        }
        return parts.toArray(new Node[0]);
    }

    private Node[] content(int depth) throws EvtxFormatException {
        List<Node> children = new ArrayList<>(2);
        while (true) {
            int at = in.pos;
            int token = in.u8("element content");
            switch (token) {
                case 0x04:
                    return children.toArray(new Node[0]);
                case 0x01: case 0x41:
                    children.add(element(token, depth + 1));
                    break;
                case 0x07: case 0x47:
                    children.add(new Node.Text(lengthPrefixedString("CDATA section")));
                    break;
                case 0x0a:
                    children.add(processingInstruction());
                    break;
                case 0x05: case 0x45: case 0x08: case 0x48: case 0x09: case 0x49: case 0x0d: case 0x0e:
                    children.add(valueLike(token));
                    break;
                default:
                    throw unexpected(token, at, "element content");
            }
        }
    }

    /** Text, a reference or a substitution: what may make up an attribute value or element text. */
    private Node valueLike(int token) throws EvtxFormatException {
        switch (token) {
            case 0x05: case 0x45:
                return new Node.Text(valueText());
            case 0x08: case 0x48:
                return new Node.CharRef(in.u16("character reference"));
            case 0x09: case 0x49:
                return new Node.EntityRef(nameReference());
            default:
                int index = in.u16("substitution index");
                int type = in.u8("substitution type");
                return new Node.Substitution(index, type, token == 0x0e);
        }
    }

    /** A value token's payload: a type, then (for strings, the usual case) a counted UTF-16 string. */
    private String valueText() throws EvtxFormatException {
        int at = in.pos;
        int type = in.u8("value type");
        if (type == ValueType.STRING) return lengthPrefixedString("value text");
        int width = ValueType.width(type);
        if (width == 0) throw new EvtxFormatException("value token of unsupported type 0x" + Integer.toHexString(type), at);
        in.need(width, "value");
        String text = ValueDecoder.scalar(type, in.buf, in.pos);
        in.pos += width;
        return text;
    }

    private Node.ProcessingInstruction processingInstruction() throws EvtxFormatException {
        String target = nameReference();
        String data = "";
        if (in.remaining() > 0 && in.peek("processing instruction") == 0x0b) {
            in.pos++;
            data = lengthPrefixedString("processing instruction data");
        }
        return new Node.ProcessingInstruction(target, data);
    }

    private String lengthPrefixedString(String what) throws EvtxFormatException {
        int chars = in.u16(what);
        in.need(2 * chars, what);
        String s = Utf16.decode(in.buf, in.pos, chars);
        in.pos += 2 * chars;
        return s;
    }

    /** A name: a chunk offset, with the name itself following when the offset points here. */
    private String nameReference() throws EvtxFormatException {
        int offset = in.size32("name offset");
        String name = chunk.name(offset);
        if (offset == in.pos) in.skip(chunk.nameSize(offset), "inline name");
        return name;
    }

    private static EvtxFormatException unexpected(int token, int at, String where) {
        return new EvtxFormatException("unexpected token 0x" + Integer.toHexString(token) + " in " + where, at);
    }
}
