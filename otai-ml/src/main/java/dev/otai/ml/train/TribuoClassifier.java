package dev.otai.ml.train;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import dev.otai.ml.score.Scores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** A trained Tribuo model behind the {@link Classifier} interface; scores are the model's probabilities. */
final class TribuoClassifier implements Classifier, AutoCloseable {

    private final Model<Label> model;
    private final Featurizer featurizer;
    private final List<String> labels;
    private final AutoCloseable resources;

    TribuoClassifier(Model<Label> model, Featurizer featurizer, List<String> labels, AutoCloseable resources) {
        this.model = model;
        this.featurizer = featurizer;
        this.labels = List.copyOf(labels);
        this.resources = resources;
    }

    @Override
    public Classification classify(ClassificationRequest request) throws Exception {
        return classifyAll(List.of(request)).getFirst();
    }

    @Override
    public List<Classification> classifyAll(List<ClassificationRequest> requests) throws Exception {
        List<String> texts = requests.stream().map(ClassificationRequest::text).toList();
        List<Example<Label>> examples = featurizer.examples(texts,
                Collections.nCopies(texts.size(), LabelFactory.UNKNOWN_LABEL));
        var out = new ArrayList<Classification>(examples.size());
        for (Example<Label> example : examples) {
            out.add(Scores.ranked(labels, probabilities(example)));
        }
        return out;
    }

    /** The model's probabilities in label order; uniform for a text that has no feature the model knows. */
    private double[] probabilities(Example<Label> example) {
        double[] probabilities = new double[labels.size()];
        if (example.size() == 0) {
            Arrays.fill(probabilities, 1.0 / labels.size());
            return probabilities;
        }
        Prediction<Label> prediction;
        try {
            prediction = model.predict(example);
        } catch (IllegalArgumentException noKnownFeatures) {
            Arrays.fill(probabilities, 1.0 / labels.size());
            return probabilities;
        }
        for (int i = 0; i < labels.size(); i++) {
            Label score = prediction.getOutputScores().get(labels.get(i));
            probabilities[i] = score == null ? 0 : score.getScore();
        }
        return probabilities;
    }

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
