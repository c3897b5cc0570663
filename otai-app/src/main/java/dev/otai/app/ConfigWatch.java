package dev.otai.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code otai run --watch-config}: reloads the config when its file's content changes. The file's folder is watched
 * with the operating system's file notifications (nothing polls); after an event on the file the watch waits until
 * the file has been quiet for {@link #QUIET}, so that an editor's several writes make one reload, and reloads only
 * when the file's bytes differ from the loaded config's. Symlink swaps (as Kubernetes does for mounted config maps) count.
 */
final class ConfigWatch implements AutoCloseable {

    static final Duration QUIET = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(ConfigWatch.class);

    private final WatchService watcher;
    private final Thread thread;

    private ConfigWatch(WatchService watcher, Path file, ConfigReloader reloader) {
        this.watcher = watcher;
        String name = file.getFileName().toString();
        this.thread = Thread.ofPlatform().daemon().name("otai-config-watch").start(() -> watch(name, reloader));
    }

    static ConfigWatch start(Path file, ConfigReloader reloader) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        WatchService watcher = folder.getFileSystem().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        log.info("Watching {} for changes; a changed file is reloaded", file);
        return new ConfigWatch(watcher, file, reloader);
    }

    private void watch(String name, ConfigReloader reloader) {
        try {
            while (true) {
                if (!concerns(watcher.take(), name)) {
                    continue;
                }
                awaitQuiet(name);
                if (reloader.changedOnDisk()) {
                    reloader.reload("the config file changed");
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            log.debug("Config watch ended");
        }
    }

    /** Waits until the config file has had no event for {@link #QUIET}; events of other files do not count. */
    private void awaitQuiet(String name) throws InterruptedException {
        long quietSince = System.nanoTime();
        long left;
        while ((left = QUIET.toNanos() - (System.nanoTime() - quietSince)) > 0) {
            WatchKey more = watcher.poll(left, TimeUnit.NANOSECONDS);
            if (more != null && concerns(more, name)) {
                quietSince = System.nanoTime();
            }
        }
    }

    /** Whether the events of {@code key} touch the config file or a symlink farm's entry ({@code ..data}). */
    private static boolean concerns(WatchKey key, String name) {
        boolean touched = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            String changed = String.valueOf(event.context());
            touched |= event.kind() == StandardWatchEventKinds.OVERFLOW || changed.equals(name) || changed.startsWith("..");
        }
        key.reset();
        return touched;
    }

    @Override
    public void close() {
        try {
            watcher.close();
            thread.join(Duration.ofSeconds(5));
        } catch (IOException e) {
            log.debug("Closing the config watch failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
