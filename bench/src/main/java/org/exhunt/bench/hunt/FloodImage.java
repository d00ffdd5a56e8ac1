package org.exhunt.bench.hunt;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exhunt.testkit.image.LargeScenarios;
import org.exhunt.testkit.logs.LogGenerator;
import org.exhunt.testkit.pe.PeImage;

/**
 * A findings flood for the scan benchmark's memory check ({@code MODE=flood bench/hunt.sh}): {@code FloodImage DIR MB}
 * writes {@code DIR/drive}, an Exchange 2016 CU19 server whose one IIS log of about MB megabytes has a listed attacker
 * address ({@link LargeScenarios#PROXYLOGON_IP}) as the client of every request. Every line is then a finding; the scan must
 * keep its memory bounded and say how many findings it did not keep.
 */
public final class FloodImage {

    /** The client-address column of IIS's default fields ({@code date time s-ip cs-method ... cs-username c-ip ...}). */
    private static final int CLIENT_COLUMN = 8;

    private FloodImage() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FloodImage DIR MB");
            System.exit(2);
        }
        Path drive = Path.of(args[0], "drive");
        long bytes = Long.parseLong(args[1]) << 20;
        Path exSetup = drive.resolve("Program Files/Microsoft/Exchange Server/V15/Bin/ExSetup.exe");
        Files.createDirectories(exSetup.getParent());
        Files.write(exSetup, PeImage.exSetup(LargeScenarios.BUILD).bytes());
        LogGenerator iis = LogGenerator.iis().start(LargeScenarios.PROXYLOGON).size(bytes);
        Path log = drive.resolve(iis.serverPath());
        Files.createDirectories(log.getParent());
        long lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(iis.open(), StandardCharsets.US_ASCII));
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.US_ASCII)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.startsWith("#")) {
                    String[] f = line.split(" ", -1);
                    f[CLIENT_COLUMN] = LargeScenarios.PROXYLOGON_IP;
                    line = String.join(" ", f);
                    lines++;
                }
                out.write(line);
                out.write("\r\n");
            }
        }
        System.out.printf("flood image: %s, %,d MB, %,d requests, every one from %s%n", log, Files.size(log) >> 20, lines,
                LargeScenarios.PROXYLOGON_IP);
    }
}
