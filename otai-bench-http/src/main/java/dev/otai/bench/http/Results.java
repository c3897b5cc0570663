package dev.otai.bench.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Measured rounds per (side, parallelism), and the result table. A side with a failed check gets no numbers. */
final class Results {

    static final class Cell {
        final List<Double> rate = new ArrayList<>();
        final List<Double> cpuMs = new ArrayList<>();
        final List<Double> fakeCpuMs = new ArrayList<>();
        final List<Double> p50Fetch = new ArrayList<>();
        final List<Double> p99Fetch = new ArrayList<>();
        final List<Double> p50Work = new ArrayList<>();
        final List<Double> p99Work = new ArrayList<>();
        double firstEffectMs = Double.NaN;
        double rssMiB = Double.NaN;
        String refused;
    }

    private final Map<String, Cell> cells = new LinkedHashMap<>();

    Cell cell(String side, int parallelism) {
        return cells.computeIfAbsent(side + "@" + parallelism, k -> new Cell());
    }

    void add(String side, int parallelism, int tickets, long wallNs, long cpuNs, long fakeCpuNs, RoundStats stats) {
        Cell c = cell(side, parallelism);
        c.rate.add(tickets / (wallNs / 1e9));
        c.cpuMs.add(cpuNs / 1e6 / tickets);
        c.fakeCpuMs.add(fakeCpuNs / 1e6 / tickets);
        c.p50Fetch.add(stats.p50FetchUs() / 1e3);
        c.p99Fetch.add(stats.p99FetchUs() / 1e3);
        c.p50Work.add(stats.p50WorkUs() / 1e3);
        c.p99Work.add(stats.p99WorkUs() / 1e3);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String range(List<Double> values, String format) {
        if (values.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(values),
                values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    void print(List<String> sides, List<Integer> parallelisms) {
        System.out.println();
        System.out.println("| side | P | tickets/s median (min–max) | × floor | engine CPU ms/ticket | fake CPU ms/ticket | p50 / p99 fetch→done ms | p50 / p99 work ms | start→first effect ms | RSS MiB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int p : parallelisms) {
            Cell floor = cells.get("floor@" + p);
            for (String side : sides) {
                Cell c = cell(side, p);
                if (c.refused != null) {
                    System.out.printf(Locale.ROOT, "| %s | %d | REFUSED: %s | | | | | | | |%n", side, p, c.refused);
                    continue;
                }
                String vsFloor = floor == null || floor.refused != null ? "-"
                        : String.format(Locale.ROOT, "%.2f", median(c.rate) / median(floor.rate));
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %.2f | %.1f / %.1f | %.2f / %.2f | %.0f | %.0f |%n", side, p,
                        range(c.rate, "%.0f"), vsFloor, range(c.cpuMs, "%.2f"), median(c.fakeCpuMs), median(c.p50Fetch), median(c.p99Fetch),
                        median(c.p50Work), median(c.p99Work), c.firstEffectMs, c.rssMiB);
            }
        }
        printRatios(parallelisms);
    }

    private void printRatios(List<Integer> parallelisms) {
        System.out.println();
        System.out.println("| P | otai / | tickets/s | CPU per ticket | start→first effect | RSS |");
        System.out.println("|---|---|---|---|---|---|");
        for (int p : parallelisms) {
            for (String peer : List.of("camel", "camel-jinja")) {
                Cell o = cells.get("otai@" + p);
                Cell c = cells.get(peer + "@" + p);
                if (o == null || c == null || o.refused != null || c.refused != null) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "| %d | %s | %.2f | %.2f | %.2f | %.2f |%n", p, peer, median(o.rate) / median(c.rate),
                        median(o.cpuMs) / median(c.cpuMs), o.firstEffectMs / c.firstEffectMs, o.rssMiB / c.rssMiB);
            }
        }
    }
}
