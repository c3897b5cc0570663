package dev.otai.app;

import dev.otai.store.TestFault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code otai run --once} as a child process, optionally halted by the test-only fault switch at a named point;
 * tuned to start fast (C1 only, serial GC). Use with {@code ReapChildProcesses}.
 */
final class OtaiChild {

    /** How the process ended and what it logged. */
    record Ended(int code, String log) {
    }

    private OtaiChild() {
    }

    /** Runs to the end (at most 90 s); {@code fault} is {@code <point>@<n>} or null. */
    static Ended runOnce(Path config, String fault, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        if (fault != null) {
            command.add("-D" + TestFault.PROPERTY + "=" + fault);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--once", "--config", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return new Ended(process.exitValue(), Files.readString(log));
    }
}
