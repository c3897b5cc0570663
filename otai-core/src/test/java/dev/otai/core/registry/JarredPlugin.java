package dev.otai.core.registry;

import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.Plugin;
import java.util.List;
import java.util.Map;

/** A working plugin that only a test jar names, so that it registers from the jar and not from the class path. */
public final class JarredPlugin implements Plugin {

    @Override
    public String name() {
        return "jarred";
    }

    @Override
    public List<PipeType> pipes() {
        return List.of(PipeType.of("Echo", "Succeeds.", List.of(), Map.of(), false,
                setup -> (context, params) -> PipeResult.success()));
    }
}
