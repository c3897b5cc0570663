package dev.otai.core.orchestration;

/** A runner's state for health checks and tests: runs in flight, events queued, time fires skipped while busy. */
public record RunnerStatus(String id, int running, int queued, long skippedFires) {
}
