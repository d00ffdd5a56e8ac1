package org.exhunt.hunt.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Masks the rule pack inside the jar so that virus scanners do not take exhunt for what its rules describe:
 * YARA strings of web shells and Sigma keyword lists in the clear made Defender quarantine Hayabusa and Chainsaw
 * (Yamato-Security/hayabusa #530, #1356). The archive is XORed with a fixed 32-byte key: reversible, costs nothing,
 * and no string of the rules survives in it, not even to scanners that try single-byte XOR keys (YARA's
 * {@code xor} modifier), since the key's bytes all differ. This hides nothing from a person: it is not encryption.
 * The build masks the pack with {@link #main}; {@link RulePack} unmasks it in memory.
 */
public final class PackMask {

    private static final byte[] KEY = {
        (byte) 0x5a, (byte) 0xc3, (byte) 0x17, (byte) 0x8e, (byte) 0x41, (byte) 0xf9, (byte) 0x26, (byte) 0xb0,
        (byte) 0x6d, (byte) 0x92, (byte) 0x0b, (byte) 0xe4, (byte) 0x38, (byte) 0x7f, (byte) 0xa5, (byte) 0x13,
        (byte) 0xcc, (byte) 0x54, (byte) 0x89, (byte) 0x2f, (byte) 0xd6, (byte) 0x01, (byte) 0x9b, (byte) 0x60,
        (byte) 0x3e, (byte) 0xb7, (byte) 0x45, (byte) 0xea, (byte) 0x72, (byte) 0x1c, (byte) 0xfd, (byte) 0x88};

    private PackMask() {}

    /** Masks or unmasks (the same operation) bytes in place, and returns them. */
    public static byte[] apply(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) bytes[i] ^= KEY[i % KEY.length];
        return bytes;
    }

    /** The build's step: {@code PackMask IN OUT} writes IN masked to OUT. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: PackMask IN OUT");
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, apply(Files.readAllBytes(Path.of(args[0]))));
    }
}
