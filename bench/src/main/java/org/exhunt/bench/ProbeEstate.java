package org.exhunt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.exhunt.testkit.emulator.Behaviour;
import org.exhunt.testkit.emulator.Behaviour.Kind;
import org.exhunt.testkit.emulator.ExchangeEmulator;

/**
 * The estate the probe benchmark ({@code bench/probe.sh}) probes: {@code N} emulated servers on loopback, one per
 * port, in a fixed mix (seed 1): 60% Exchange showing X-OWA-Version (one request), 20% only the export tool's
 * manifest (two), 10% only the CU, found through the {@code /ecp/<build>/} folders (several), 5% other web
 * servers (two), 5% not HTTP (one). Writes the targets to a file, prints {@code ready}, serves until stdin ends.
 * <p>Usage: {@code ProbeEstate N tls|plain TARGETS_FILE}.
 */
public final class ProbeEstate {

    private static final String[] BUILDS = {"15.1.2176.2", "15.1.2507.72", "15.2.1748.49", "15.0.1497.48", "15.2.2562.46",
        "15.2.792.3", "15.1.2375.37", "15.2.986.36"};

    private ProbeEstate() {}

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        boolean tls = args[1].equals("tls");
        Random random = new Random(1);
        List<Behaviour> estate = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(100);
            String build = BUILDS[random.nextInt(BUILDS.length)];
            Behaviour b;
            if (kind < 60) b = Behaviour.exchange(build, true, true);
            else if (kind < 80) b = Behaviour.exchange(build, true, true).showing(false, true, false);
            else if (kind < 90) b = Behaviour.exchange(build, true, true).showing(false, false, true);
            else if (kind < 95) b = Behaviour.of(Kind.OTHER_WEB);
            else b = Behaviour.of(Kind.GARBAGE);
            estate.add(tls ? b : b.tls(Behaviour.Tls.NONE));
        }
        try (ExchangeEmulator emulator = ExchangeEmulator.start(estate)) {
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < n; i++) targets.add((tls ? "https" : "http") + "://127.0.0.1:" + emulator.port(i));
            Files.write(Path.of(args[2]), targets);
            System.out.println("ready");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
