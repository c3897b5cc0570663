package dev.otai.bench.http;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the real-process benchmark starts its contenders.
 *
 * @param java          the JVM binary
 * @param otaiJvmFlags  the flags {@code ./otai} gives the engine's JVM
 * @param otaiClasspath the app jar and the testkit jar (for {@code testkit:StubClassifier})
 * @param benchClasspath this module's class path (the Camel route)
 * @param cpu           the core the contender is pinned to with {@code taskset}, or null
 * @param fetch         tickets per fetch
 * @param pollMs        how often a contender looks for tickets when it is not busy
 * @param jfr           the contender to record a JFR profile of ({@code none}: no profile)
 */
record Launch(String java, List<String> otaiJvmFlags, String otaiClasspath, String benchClasspath, String cpu,
              int fetch, int pollMs, String jfr) {

    /** The launcher's flags ({@code ./otai}), but the class-data archive, which only shortens the start. */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED");

    /** The launcher's flags with the full JIT (C1, then C2), to compare {@code otai run} with it. */
    static final List<String> C2_FLAGS = List.of("-XX:+UseSerialGC", "-Xss512k", "--enable-native-access=ALL-UNNAMED");

    Launch {
        otaiJvmFlags = List.copyOf(otaiJvmFlags);
    }

    /** {@code taskset -c <cpu>} when pinned, then the JVM, with a JFR recording into {@code workDir} for the profiled contender. */
    List<String> jvm(String contender, Path workDir) {
        var command = new ArrayList<String>();
        if (cpu != null) {
            command.addAll(List.of("taskset", "-c", cpu));
        }
        command.add(java);
        if (contender.equals(jfr)) {
            // samples every 2 ms (the profile's 10-20 ms gives too few for a 10 s run), and each thread's bytes
            // allocated so far every 100 ms (allocation per ticket: the difference across the run, / tickets)
            command.add("-XX:StartFlightRecording=settings=profile,jdk.ExecutionSample#period=2ms,"
                    + "jdk.ThreadAllocationStatistics#period=100ms,dumponexit=true,filename=" + workDir.resolve(contender + ".jfr"));
        }
        return command;
    }
}
