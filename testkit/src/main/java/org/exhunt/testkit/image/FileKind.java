package org.exhunt.testkit.image;

import java.util.SplittableRandom;

/**
 * The kinds of files an Exchange server's folders hold, each with a typical size: sizes are drawn from a log-normal
 * law around the median (spread {@code sigma}), clipped to {@code [min, max]}. The medians follow what an Exchange
 * 2016 install holds: small images and pages, scripts of tens of kilobytes with a tail of multi-megabyte bundles,
 * assemblies of hundreds of kilobytes with a tail of several megabytes.
 */
enum FileKind {
    JS(".js", 14_000, 1.2, 300, 3_500_000),
    CSS(".css", 9_000, 1.0, 200, 600_000),
    ASPX(".aspx", 4_000, 0.8, 300, 60_000),
    ASCX(".ascx", 3_000, 0.8, 300, 40_000),
    SVC(".svc", 400, 0.3, 150, 2_000),
    HTM(".htm", 3_500, 0.9, 200, 80_000),
    XML(".xml", 5_000, 1.0, 200, 400_000),
    CONFIG(".config", 18_000, 0.7, 500, 200_000),
    JSON(".json", 6_000, 1.0, 100, 300_000),
    RESX(".resx", 7_000, 0.9, 500, 200_000),
    PNG(".png", 2_200, 1.1, 100, 250_000),
    GIF(".gif", 1_000, 0.9, 43, 60_000),
    SVG(".svg", 1_500, 0.8, 150, 40_000),
    WOFF(".woff", 45_000, 0.5, 8_000, 200_000),
    DLL(".dll", 140_000, 1.3, 8_000, 16_000_000),
    EXE(".exe", 90_000, 1.2, 10_000, 8_000_000),
    PS1(".ps1", 12_000, 1.0, 500, 300_000),
    MUI(".mui", 20_000, 1.0, 2_000, 600_000),
    DAT(".dat", 60_000, 1.6, 100, 30_000_000);

    final String extension;
    private final double median;
    private final double sigma;
    private final long min;
    private final long max;

    FileKind(String extension, double median, double sigma, long min, long max) {
        this.extension = extension;
        this.median = median;
        this.sigma = sigma;
        this.min = min;
        this.max = max;
    }

    long drawSize(SplittableRandom r) {
        double size = median * Math.exp(sigma * gaussian(r));
        return Math.max(min, Math.min(max, Math.round(size)));
    }

    /** A standard normal value (Box-Muller): SplittableRandom has none. */
    private static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
