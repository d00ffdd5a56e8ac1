package org.exhunt.yara.scan;

import org.exhunt.core.Limits;
import org.exhunt.yara.compile.CompiledString;
import org.exhunt.yara.condition.MatchList;
import org.exhunt.yara.data.ScanData;
import org.exhunt.yara.regex.Chars;
import org.exhunt.yara.regex.PikeVm;

/**
 * Confirms a string where one of its atoms was found, as libyara's {@code yr_scan_verify_match}: a
 * literal is compared in place (exactly, ignoring ASCII case, as wide text, or under one xor key), a
 * pattern runs its forward program from the atom and then its backward program, which reports every
 * possible start; {@code fullword} rejects matches with an alphanumeric neighbour; parts of a chained hex
 * string wait in the unconfirmed lists until the whole chain lines up. Matches go to the string's
 * {@link MatchList}, at most {@link Limits#YARA_MATCHES_PER_STRING} of them.
 */
final class Verifier {

    private final ScanContext c;

    Verifier(ScanContext context) {
        this.c = context;
    }

    /** Verifies the atom match {@code m} whose string would start (or whose atom starts) at {@code offset}. */
    void verify(AtomMatch m, int offset) {
        CompiledString s = m.string();
        if (c.dataSize - offset <= 0) return;
        if (c.disabled[s.index]) return;
        if (c.fastMode && s.singleMatch() && c.matches[s.index].count() > 0) return;
        if (s.hasFixedOffset() && s.fixedOffset() != offset) return;
        if (s.isLiteral()) literal(m, s, offset);
        else pattern(m, s, offset);
    }

    private void literal(AtomMatch m, CompiledString s, int offset) {
        ScanData d = c.data;
        int avail = c.dataSize - offset;
        byte[] str = s.bytes();
        int forward = 0;
        if (s.fitsInAtom()) {
            forward = m.backtrack();
        } else if (s.nocase()) {
            if (s.ascii()) forward = icompare(d, offset, avail, str);
            if (s.wide() && forward == 0) forward = wicompare(d, offset, avail, str);
        } else {
            if (s.ascii()) forward = compare(d, offset, avail, str);
            if (s.wide() && forward == 0) forward = wcompare(d, offset, avail, str);
            if (s.xor() && forward == 0) {
                if (s.wide()) forward = xorWcompare(d, offset, avail, str);
                if (forward == 0) forward = xorCompare(d, offset, avail, str);
            }
        }
        if (forward == 0) return;
        boolean wide = forward == str.length * 2;
        matched(s, offset, forward, wide);
    }

    private static int compare(ScanData d, int at, int avail, byte[] s) {
        if (avail < s.length) return 0;
        for (int i = 0; i < s.length; i++) if (d.get(at + i) != s[i]) return 0;
        return s.length;
    }

    private static int icompare(ScanData d, int at, int avail, byte[] s) {
        if (avail < s.length) return 0;
        for (int i = 0; i < s.length; i++) {
            if (Chars.lower(d.get(at + i) & 0xFF) != Chars.lower(s[i] & 0xFF)) return 0;
        }
        return s.length;
    }

    private static int wcompare(ScanData d, int at, int avail, byte[] s) {
        if (avail < s.length * 2) return 0;
        for (int i = 0; i < s.length; i++) {
            if (d.get(at + 2 * i) != s[i] || d.get(at + 2 * i + 1) != 0) return 0;
        }
        return s.length * 2;
    }

    private static int wicompare(ScanData d, int at, int avail, byte[] s) {
        if (avail < s.length * 2) return 0;
        for (int i = 0; i < s.length; i++) {
            if (Chars.lower(d.get(at + 2 * i) & 0xFF) != Chars.lower(s[i] & 0xFF) || d.get(at + 2 * i + 1) != 0) return 0;
        }
        return s.length * 2;
    }

    private static int xorCompare(ScanData d, int at, int avail, byte[] s) {
        if (avail < s.length) return 0;
        int k = (d.get(at) ^ s[0]) & 0xFF;
        for (int i = 0; i < s.length; i++) if (((d.get(at + i) ^ k) & 0xFF) != (s[i] & 0xFF)) return 0;
        return s.length;
    }

    private static int xorWcompare(ScanData d, int at, int avail, byte[] s) {
        if (avail < s.length * 2) return 0;
        int k = (d.get(at) ^ s[0]) & 0xFF;
        for (int i = 0; i < s.length; i++) {
            if (((d.get(at + 2 * i) ^ k) & 0xFF) != (s[i] & 0xFF) || ((d.get(at + 2 * i + 1) ^ k) & 0xFF) != 0) return 0;
        }
        return s.length * 2;
    }

    private void pattern(AtomMatch m, CompiledString s, int offset) {
        c.deadline.tick();
        int flags = 0;
        if (s.nocase()) flags |= PikeVm.NO_CASE;
        if (s.dotAll()) flags |= PikeVm.DOT_ALL;
        int forward = -1;
        if (s.ascii() || s.base64()) forward = exec(s, m.forwardEntry(), offset, flags);
        // libyara tests "base64wide" twice here, so a "base64 wide" string also gets a wide attempt.
        if (forward == -1 && s.wide() && !s.isBase64Wide()) {
            flags |= PikeVm.WIDE;
            forward = exec(s, m.forwardEntry(), offset, flags);
        }
        if (forward == -1) return;
        if (forward == 0 && m.backwardEntry() < 0) return;
        boolean wide = (flags & PikeVm.WIDE) != 0;
        if (m.backwardEntry() >= 0) {
            final int fwd = forward;
            int backFlags = flags | PikeVm.BACKWARDS | PikeVm.EXHAUSTIVE;
            if (s.fastRegex()) {
                c.fastVm.exec(s.backward(), m.backwardEntry(), c.data, offset, c.dataSize - offset, offset, backFlags,
                        (start, length) -> matched(s, start, length + fwd, wide));
            } else {
                c.vm.exec(s.backward(), m.backwardEntry(), c.data, offset, c.dataSize - offset, offset, backFlags,
                        (start, length) -> matched(s, start, length + fwd, wide));
            }
        } else {
            matched(s, offset, forward, wide);
        }
    }

    private int exec(CompiledString s, int entry, int offset, int flags) {
        if (s.fastRegex()) {
            return c.fastVm.exec(s.forward(), entry, c.data, offset, c.dataSize - offset, offset, flags, null);
        }
        return c.vm.exec(s.forward(), entry, c.data, offset, c.dataSize - offset, offset, flags, null);
    }

    /** libyara's {@code _yr_scan_match_callback}: the fullword test, then record (or chain) the match. */
    private void matched(CompiledString s, int offset, int length, boolean wide) {
        if (s.fullword()) {
            ScanData d = c.data;
            int size = c.dataSize;
            if (wide) {
                if (offset >= 2 && d.get(offset - 1) == 0 && Chars.isAlnum(d.get(offset - 2) & 0xFF)) return;
                if (offset + length + 1 < size && d.get(offset + length + 1) == 0 && Chars.isAlnum(d.get(offset + length) & 0xFF)) return;
            } else {
                if (offset >= 1 && Chars.isAlnum(d.get(offset - 1) & 0xFF)) return;
                if (offset + length < size && Chars.isAlnum(d.get(offset + length) & 0xFF)) return;
            }
        }
        if (s.isChainPart()) chained(s, offset, length);
        else record(s, offset, length, s.greedyRegex());
    }

    private void record(CompiledString s, int offset, int length, boolean replace) {
        MatchList list = c.matches[s.index];
        if (list.count() == Limits.YARA_MATCHES_PER_STRING) {
            c.disabled[s.index] = true;
            c.capped.add(s.index);
            c.touch(s.index);
            return;
        }
        c.touch(s.index);
        if (list.add(offset, length, replace) >= 0) c.hold();
    }

    /** libyara's {@code _yr_scan_verify_chained_string_match}. */
    private void chained(CompiledString s, int offset, int length) {
        boolean add = false;
        CompiledString previous = s.chainedTo();
        if (previous == null) {
            add = true;
        } else {
            Unconfirmed mine = c.unconfirmed[s.index];
            long lowest = mine.count() > 0 ? mine.offset(0) : offset;
            Unconfirmed prior = c.unconfirmed[previous.index];
            for (int i = 0; i < prior.count(); ) {
                long end = prior.end(i);
                if (end + s.chainGapMax() < lowest) {
                    prior.remove(i);
                    continue;
                }
                if (end + s.chainGapMax() >= offset && end + s.chainGapMin() <= offset) {
                    add = true;
                    break;
                }
                i++;
            }
        }
        if (!add) return;
        if (s.isChainTail()) {
            Unconfirmed prior = c.unconfirmed[previous.index];
            for (int i = 0; i < prior.count(); i++) {
                long end = prior.end(i);
                if (end + s.chainGapMax() >= offset && end + s.chainGapMin() <= offset) {
                    updateChainLength(previous, i, 1);
                }
            }
            int full = 0;
            CompiledString head = s;
            while (head.chainedTo() != null) {
                full++;
                head = head.chainedTo();
            }
            Unconfirmed heads = c.unconfirmed[head.index];
            for (int i = 0; i < heads.count(); ) {
                if (heads.chainLength(i) == full) {
                    int start = heads.offset(i);
                    heads.remove(i);
                    record(head, start, offset - start + length, false);
                } else {
                    i++;
                }
            }
        } else {
            c.touch(s.index);
            // as record(): a match already held at this offset is not held twice against the scan's cap
            if (c.unconfirmed[s.index].add(offset, length)) c.hold();
        }
    }

    private void updateChainLength(CompiledString s, int matchIndex, int chainLength) {
        Unconfirmed list = c.unconfirmed[s.index];
        if (list.chainLength(matchIndex) == chainLength) return;
        list.setChainLength(matchIndex, chainLength);
        CompiledString previous = s.chainedTo();
        if (previous == null) return;
        Unconfirmed prior = c.unconfirmed[previous.index];
        int at = list.offset(matchIndex);
        for (int i = 0; i < prior.count(); i++) {
            long end = prior.end(i);
            if (end + s.chainGapMax() >= at && end + s.chainGapMin() <= at) {
                updateChainLength(previous, i, chainLength + 1);
            }
        }
    }
}
