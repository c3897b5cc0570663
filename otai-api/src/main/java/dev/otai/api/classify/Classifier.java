package dev.otai.api.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Labels text. Implementations are services; the classification pipe calls them off the orchestrator's
 * threads and limits how many calls run at once.
 */
public interface Classifier {

    Classification classify(ClassificationRequest request) throws Exception;

    /** Classifies several texts; implementations that can batch override this. */
    default List<Classification> classifyAll(List<ClassificationRequest> requests) throws Exception {
        var out = new ArrayList<Classification>(requests.size());
        for (ClassificationRequest request : requests) {
            out.add(classify(request));
        }
        return out;
    }
}
