package dev.otai.ml.train;

/**
 * Which records of a data file to use. The held-back part is every fifth record (records 5, 10, 15… in file
 * order), so training and evaluation on the same file never overlap and every run picks the same records.
 */
public enum Split {
    ALL, TRAIN, TEST;

    boolean includes(int index) {
        boolean heldBack = index % 5 == 4;
        return switch (this) {
            case ALL -> true;
            case TRAIN -> !heldBack;
            case TEST -> heldBack;
        };
    }
}
