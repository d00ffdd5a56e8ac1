package org.exhunt.hunt.ioc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exhunt.core.FileFacts;
import org.exhunt.core.IpAddress;
import org.exhunt.core.facts.IndicatorCounts;

/**
 * The indicators a hunt matches, indexed for the questions the detectors ask: which file indicators hold for a
 * file, which address indicators for a client address, which URL indicators for a requested path. Filled once
 * while the rules load, then read by every scan (not to be changed after).
 */
public final class IocSet {

    private final Map<String, List<FileIndicator>> bySha256 = new HashMap<>();
    private final Map<String, List<FileIndicator>> bySha1 = new HashMap<>();
    private final Map<String, List<FileIndicator>> byMd5 = new HashMap<>();
    private final Map<String, List<FileIndicator>> byName = new HashMap<>();
    private final List<FileIndicator> byFolder = new ArrayList<>();
    private final Map<IpAddress, List<AddressIndicator>> byAddress = new HashMap<>();
    private final List<AddressIndicator> ranges = new ArrayList<>();
    private final Map<String, List<UrlIndicator>> byPath = new HashMap<>();
    private final Set<Long> contentSizes = new HashSet<>();
    private int files;
    private int contentWithoutSize;

    public IocSet add(FileIndicator i) {
        files++;
        if (i.isContent() && i.size() != null) contentSizes.add(i.size());
        else if (i.isContent()) contentWithoutSize++;
        if (i.sha256() != null) put(bySha256, i.sha256(), i);
        else if (i.sha1() != null) put(bySha1, i.sha1(), i);
        else if (i.md5() != null) put(byMd5, i.md5(), i);
        else if (i.name() != null) put(byName, i.name(), i);
        else byFolder.add(i);
        return this;
    }

    public IocSet add(AddressIndicator i) {
        if (i.range().isSingle()) put(byAddress, i.range().first(), i);
        else ranges.add(i);
        return this;
    }

    public IocSet add(UrlIndicator i) {
        put(byPath, i.path(), i);
        return this;
    }

    /** The file indicators that hold for a file (digests that were not computed match nothing). */
    public List<FileIndicator> matching(FileFacts f, FileDigests d) {
        List<FileIndicator> out = new ArrayList<>();
        if (d.sha256() != null) collect(bySha256.get(d.sha256()), f, d, out);
        if (d.sha1() != null) collect(bySha1.get(d.sha1()), f, d, out);
        if (d.md5() != null) collect(byMd5.get(d.md5()), f, d, out);
        collect(byName.get(FileIndicator.lower(f.name())), f, d, out);
        collect(byFolder, f, d, out);
        return out;
    }

    /** The address indicators an address (as written in a log) falls under; empty when it is no address. */
    public List<AddressIndicator> matching(String address) {
        IpAddress a = IpAddress.read(address);
        if (a == null) return List.of();
        List<AddressIndicator> out = new ArrayList<>(byAddress.getOrDefault(a, List.of()));
        for (AddressIndicator r : ranges) if (r.range().contains(a)) out.add(r);
        return out;
    }

    /** The URL indicators naming a request path (case ignored, as IIS does). */
    public List<UrlIndicator> requested(String path) {
        if (byPath.isEmpty()) return List.of();
        return byPath.getOrDefault(path.toLowerCase(Locale.ROOT), List.of());
    }

    /** Whether some indicator needs a file's SHA-1 or MD5, which are then computed for the files read. */
    public boolean needsSha1() {
        return !bySha1.isEmpty();
    }

    public boolean needsMd5() {
        return !byMd5.isEmpty();
    }

    /**
     * Whether some digest indicator gives this size ({@code file:size} in STIX): such files are worth reading and
     * hashing wherever they lie, not only in the web folders.
     */
    public boolean wantsContentOfSize(long size) {
        return contentSizes.contains(size);
    }

    /** How many digest indicators give no size, so that only the files exhunt reads anyway are hashed for them. */
    public int contentWithoutSize() {
        return contentWithoutSize;
    }

    /** Whether there are indicators that a file can match by name or folder alone, without its content. */
    public boolean hasPlaceIndicators() {
        return !byName.isEmpty() || !byFolder.isEmpty();
    }

    public boolean hasRequestIndicators() {
        return !byAddress.isEmpty() || !ranges.isEmpty() || !byPath.isEmpty();
    }

    /** How many indicators of each kind: of files, client addresses (ranges included) and URLs. */
    public IndicatorCounts counts() {
        int addresses = ranges.size() + byAddress.values().stream().mapToInt(List::size).sum();
        int urls = byPath.values().stream().mapToInt(List::size).sum();
        return new IndicatorCounts(files, addresses, urls);
    }

    public boolean isEmpty() {
        return files == 0 && byAddress.isEmpty() && ranges.isEmpty() && byPath.isEmpty();
    }

    private static <K, T> void put(Map<K, List<T>> map, K key, T value) {
        map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    private static void collect(List<FileIndicator> candidates, FileFacts f, FileDigests d, List<FileIndicator> out) {
        if (candidates == null) return;
        for (FileIndicator i : candidates) if (i.matches(f, d) && !out.contains(i)) out.add(i);
    }
}
