package dev.otai.core.template;

/** What {@code fail()} returns: a param whose whole rendered value is this marker makes its pipe fail. */
public enum Fail {
    MARKER;

    @Override
    public String toString() {
        return "fail()";
    }
}
