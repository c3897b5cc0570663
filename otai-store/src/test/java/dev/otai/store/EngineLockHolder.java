package dev.otai.store;

import java.nio.file.Path;

/** A process that takes the engine lock of a data directory, says so, and keeps it until killed or its input ends. */
public final class EngineLockHolder {

    private EngineLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (EngineLock lock = EngineLock.acquire(Path.of(args[0]))) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our input or kills us
            }
        }
    }
}
