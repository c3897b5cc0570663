package dev.otai.testkit;

import dev.otai.api.Param;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Pipes that let a test observe and steer an engine in another process through files: {@code testkit:Touch}
 * appends a line to a file; {@code testkit:AwaitFile} blocks until a file exists (watching its folder).
 */
final class FilePipes {

    private FilePipes() {
    }

    private static final Param<String> PATH = Param.string("path").mandatory();

    static final PipeType TOUCH = PipeType.of("Touch", "Appends a line to a file.",
            List.of(PATH), Map.of(), false,
            setup -> (context, params) -> {
                Path path = Path.of(params.get(PATH));
                Files.writeString(path, context.run().runId() + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return PipeResult.success();
            });

    static final PipeType AWAIT_FILE = PipeType.of("AwaitFile", "Blocks until a file exists.",
            List.of(PATH), Map.of(), false,
            setup -> (context, params) -> {
                await(Path.of(params.get(PATH)).toAbsolutePath());
                return PipeResult.success();
            });

    private static void await(Path file) throws IOException, InterruptedException {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            while (!Files.exists(file)) {
                watcher.poll(100, TimeUnit.MILLISECONDS);
            }
        }
    }
}
