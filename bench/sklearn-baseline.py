#!/usr/bin/env -S /usr/bin/python3
"""scikit-learn baselines on otai's evaluation splits, for the side-by-side in docs/classification.md.

Reads each set's train.jsonl and test.jsonl (text = subject, blank line, body: what 'otai model train --text
subject,body' joins), trains on train, scores test, and prints one tab-separated line per set and model:

  set  model  accuracy  ece

Models:
  sklearn-svc     TF-IDF word 1-2 + char_wb 2-5 n-grams (sublinear tf), LinearSVC (C=1)
  sklearn-logreg  TF-IDF word 1-2 (sublinear tf), LogisticRegression (C=10)

Needs Debian's python3-sklearn (apt-get install -y python3-sklearn; run with /usr/bin/python3, which sees it);
not part of ./mvnw verify.

  /usr/bin/python3 bench/sklearn-baseline.py data/eval-sets/*/
"""
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC


def read(path):
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["subject"] + "\n\n" + r["body"] for r in records], [r["queue"] for r in records]


def models():
    return {
        "sklearn-svc": make_pipeline(
            make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                       TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            LinearSVC()),
        "sklearn-logreg": make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                                        LogisticRegression(C=10, max_iter=2000)),
    }


def ece(confidence, correct, bins=10):
    """Expected calibration error with equal-width confidence bins (otai model eval uses the same)."""
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        in_bin = (confidence > lo) & (confidence <= hi) if b else (confidence >= lo) & (confidence <= hi)
        if in_bin.any():
            total += in_bin.sum() * abs(correct[in_bin].mean() - confidence[in_bin].mean())
    return total / len(confidence)


def main(dirs):
    if not dirs:
        sys.exit("usage: sklearn-baseline.py SET_DIR...")
    for directory in map(Path, dirs):
        train_text, train_label = read(directory / "train.jsonl")
        test_text, test_label = read(directory / "test.jsonl")
        for name, model in models().items():
            model.fit(train_text, train_label)
            predicted = model.predict(test_text)
            correct = (predicted == np.array(test_label)).astype(float)
            if hasattr(model, "predict_proba"):
                calibration = f"{ece(model.predict_proba(test_text).max(axis=1), correct):.3f}"
            else:
                calibration = "-"
            print(f"{directory.name}\t{name}\t{correct.mean():.4f}\t{calibration}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
