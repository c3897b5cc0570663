package org.example.otai.keywords;

import dev.otai.api.PipeType;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import java.util.List;

/**
 * The plugin {@code keywords}: the service {@code keywords:KeywordTagger} and the pipe {@code keywords:TagText}.
 * otai finds it through {@code META-INF/services/dev.otai.api.Plugin} once its jar is in {@code plugins/}.
 */
public final class KeywordPlugin implements Plugin {

    @Override
    public String name() {
        return "keywords";
    }

    @Override
    public List<PipeType> pipes() {
        return List.of(TagTextPipe.TYPE);
    }

    @Override
    public List<ServiceType> services() {
        return List.of(KeywordTagger.TYPE);
    }
}
