package dev.otai.bench.http;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * One contender in its own JVM: {@code Worker <otai|camel|camel-jinja|floor> <base_url> <parallelism> <limit>}. Starts the side
 * (which processes the tickets already waiting), then runs one round per {@code round} line on stdin. After each
 * it prints {@code R <wall ns> <process CPU ns>}; a failed round prints {@code E <message>}.
 */
public final class Worker {

    private Worker() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int parallelism = Integer.parseInt(args[2]);
        int limit = Integer.parseInt(args[3]);
        Side side = switch (kind) {
            case "otai" -> new OtaiSide(args[1], parallelism, limit);
            case "camel" -> new CamelSide(args[1], parallelism, limit, false);
            case "camel-jinja" -> new CamelSide(args[1], parallelism, limit, true);
            case "floor" -> new FloorSide(args[1], parallelism, limit);
            default -> throw new IllegalArgumentException("side '" + kind + "' is unknown; expected otai, camel, camel-jinja or floor");
        };
        try (side) {
            measure(side::start);
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && line.equals("round"); line = in.readLine()) {
                measure(side::round);
            }
        }
        System.exit(0);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void measure(Step step) {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        try {
            step.run();
            System.out.println("R " + (System.nanoTime() - wall) + " " + (os.getProcessCpuTime() - cpu));
        } catch (Exception | Error e) {
            System.out.println("E " + String.valueOf(e).replace('\n', ' '));
        }
        System.out.flush();
    }
}
