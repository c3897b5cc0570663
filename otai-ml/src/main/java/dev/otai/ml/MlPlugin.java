package dev.otai.ml;

import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.ml.embed.EmbeddingClassifierService;
import dev.otai.ml.train.TrainedClassifierService;
import java.util.List;

/** The {@code ml} plugin: classifiers that run offline on the JVM, few-shot and trained. */
public final class MlPlugin implements Plugin {

    @Override
    public String name() {
        return "ml";
    }

    @Override
    public List<ServiceType> services() {
        return List.of(EmbeddingClassifierService.TYPE, TrainedClassifierService.TYPE);
    }
}
