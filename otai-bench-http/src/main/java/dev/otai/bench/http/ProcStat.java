package dev.otai.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux says about a process in {@code /proc/<pid>}: its CPU so far and its resident set. */
final class ProcStat {

    private ProcStat() {
    }

    /** User + system CPU of the process so far, in ns, from {@code /proc/<pid>/stat} (clock ticks of 10 ms). */
    static long cpuNs(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /** Resident set size now, in MiB, from {@code /proc/<pid>/status}; -1 when it says none. */
    static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }
}
