/**
 * Zip archives written byte by byte, for tests of exhunt's archive reading: every header field can be set to
 * what a hostile or damaged archive holds (names that escape, sizes that lie, data that overlaps, encryption
 * flags, missing central directories), which {@code java.util.zip} refuses to write.
 */
package org.exhunt.testkit.zip;
