package dev.otai.core.config;

/**
 * Where a config value came from: a file position, or an environment variable that overrode it.
 *
 * @param source a file name, or a description such as {@code env OTAI__SERVICES__X}
 * @param line   1-based, or 0 when unknown
 * @param column 1-based, or 0 when unknown
 */
public record Location(String source, int line, int column) {

    public static Location of(String source) {
        return new Location(source, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
