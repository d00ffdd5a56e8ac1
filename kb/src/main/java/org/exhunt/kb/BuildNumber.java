package org.exhunt.kb;

import java.util.Comparator;
import java.util.Objects;

/**
 * An Exchange build number: {@code major.minor.build.revision}, as Microsoft writes it short
 * ({@code 15.1.2176.2}) or long ({@code 15.01.2176.002}). The revision is the security-update level; it is
 * unknown ({@link #NO_REVISION}) when only the CU is known, as from OWA's version folders ({@code 15.1.2176}).
 * Each part is a 16-bit number, as in a Windows file version.
 */
public record BuildNumber(int major, int minor, int build, int revision) implements Comparable<BuildNumber> {

    /** The revision of a build known only to its CU. */
    public static final int NO_REVISION = -1;
    private static final int PART_MAX = 0xFFFF;
    private static final Comparator<BuildNumber> ORDER = Comparator.comparingInt(BuildNumber::major)
            .thenComparingInt(BuildNumber::minor).thenComparingInt(BuildNumber::build)
            .thenComparingInt(BuildNumber::revision);

    public BuildNumber {
        check(major, "major");
        check(minor, "minor");
        check(build, "build");
        if (revision != NO_REVISION) check(revision, "revision");
    }

    private static void check(int part, String name) {
        if (part < 0 || part > PART_MAX) throw new IllegalArgumentException(name + " out of range: " + part);
    }

    public static BuildNumber of(int major, int minor, int build, int revision) {
        return new BuildNumber(major, minor, build, revision);
    }

    /**
     * Reads {@code 15.1.2176.2}, {@code 15.01.2176.002} or, for a CU without its update level, {@code 15.1.2176}.
     *
     * @throws MalformedBuildNumberException saying what is wrong, for anything else
     */
    public static BuildNumber parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        String[] parts = t.split("\\.", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new MalformedBuildNumberException(text, "expected 3 or 4 numbers separated by dots, found "
                    + parts.length + (parts.length == 1 ? " part" : " parts"));
        }
        int[] n = new int[4];
        n[3] = NO_REVISION;
        for (int i = 0; i < parts.length; i++) n[i] = part(text, parts[i], i + 1);
        return new BuildNumber(n[0], n[1], n[2], n[3]);
    }

    private static int part(String text, String part, int position) {
        if (part.isEmpty()) throw new MalformedBuildNumberException(text, "part " + position + " is empty");
        if (part.length() > 5 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedBuildNumberException(text, "part " + position + " '" + part + "' is not a number from 0 to "
                    + PART_MAX);
        }
        int value = Integer.parseInt(part);
        if (value > PART_MAX) {
            throw new MalformedBuildNumberException(text, "part " + position + " '" + part + "' is larger than " + PART_MAX);
        }
        return value;
    }

    /** True when only the CU is known, not the update level. */
    public boolean isCuOnly() {
        return revision == NO_REVISION;
    }

    /** The CU this build belongs to: the same first three parts, without revision. */
    public BuildNumber cu() {
        return isCuOnly() ? this : new BuildNumber(major, minor, build, NO_REVISION);
    }

    /** {@code 15.1} */
    public String majorMinor() {
        return major + "." + minor;
    }

    /** The long form of Microsoft's build tables: {@code 15.01.2176.002} (or {@code 15.01.2176} for a CU). */
    public String longForm() {
        String s = String.format("%02d.%02d.%04d", major, minor, build);
        return isCuOnly() ? s : s + String.format(".%03d", revision);
    }

    @Override
    public int compareTo(BuildNumber o) {
        return ORDER.compare(this, o);
    }

    /** The short form, {@code 15.1.2176.2} (or {@code 15.1.2176} for a CU). */
    @Override
    public String toString() {
        String s = major + "." + minor + "." + build;
        return isCuOnly() ? s : s + "." + revision;
    }
}
