package dev.otai.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this whole process (all threads: engine, carrier threads, GC, JIT compiler), in nanoseconds.
 * On Linux it sums {@code sum_exec_runtime} of {@code /proc/self/task/*&#47;schedstat}, which counts in
 * nanoseconds; the JDK's process CPU time counts in scheduler ticks (10 ms on the machines here), too coarse for
 * sub-second windows. A thread that ends inside a window loses its share, so windows are kept where the thread
 * set is stable (after warm-up). Elsewhere it falls back to the JDK's figure.
 */
final class Cpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Cpu() {
    }

    /**
     * The JDK's process CPU time: counts in scheduler ticks, but keeps the time of threads that have ended. For
     * windows of seconds, where threads from earlier rounds may end inside the window.
     */
    static long processNanosCoarse() {
        return OS.getProcessCpuTime();
    }

    static long processNanos() {
        if (!Files.isDirectory(TASKS)) {
            return OS.getProcessCpuTime();
        }
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                sum += firstField(task.resolve("schedstat"));
            }
        } catch (IOException e) {
            return OS.getProcessCpuTime();
        }
        return sum;
    }

    private static long firstField(Path schedstat) {
        try {
            String text = Files.readString(schedstat);
            int space = text.indexOf(' ');
            return Long.parseLong(space < 0 ? text.strip() : text.substring(0, space));
        } catch (IOException | NumberFormatException e) {
            return 0; // the thread ended while we looked
        }
    }
}
