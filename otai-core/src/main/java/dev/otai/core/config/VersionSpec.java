package dev.otai.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version specifier such as {@code ">=1.0.0"}, {@code ">=1.2,<2"}, {@code "~=1.4"} or {@code "==1.*"},
 * as OTAI configs write {@code api_version}.
 */
public final class VersionSpec {

    /**
     * The config API this engine implements: OTAI's 1.x config format, a superset of what OTAI 1.5 reads.
     * {@code api_version} specifiers are matched against it.
     */
    public static final String CONFIG_API_VERSION = "1.6.0";

    private static final Pattern CLAUSE = Pattern.compile("\\s*(~=|==|!=|<=|>=|<|>|===)?\\s*([0-9]+(?:\\.[0-9]+)*)(\\.\\*)?\\s*");

    private final List<Clause> clauses;

    private VersionSpec(List<Clause> clauses) {
        this.clauses = clauses;
    }

    /** Parses a specifier; empty when it is not one. */
    public static Optional<VersionSpec> parse(String text) {
        var clauses = new ArrayList<Clause>();
        for (String part : text.split(",")) {
            Matcher m = CLAUSE.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            String op = m.group(1) == null ? "==" : m.group(1);
            clauses.add(new Clause(op, numbers(m.group(2)), m.group(3) != null));
        }
        return Optional.of(new VersionSpec(List.copyOf(clauses)));
    }

    public boolean matches(String version) {
        int[] v = numbers(version.replaceAll("[^0-9.].*$", ""));
        return clauses.stream().allMatch(c -> c.matches(v));
    }

    private static int[] numbers(String text) {
        String[] parts = text.split("\\.");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].isEmpty() ? 0 : Integer.parseInt(parts[i]);
        }
        return out;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private record Clause(String op, int[] version, boolean wildcard) {
        boolean matches(int[] v) {
            if (wildcard) {
                boolean prefix = prefixMatches(v, version.length);
                return op.equals("!=") != prefix;
            }
            int cmp = compare(v, version);
            return switch (op) {
                case "==", "===" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "~=" -> cmp >= 0 && prefixMatches(v, Math.max(1, version.length - 1));
                default -> false;
            };
        }

        private boolean prefixMatches(int[] v, int length) {
            for (int i = 0; i < length; i++) {
                int x = i < v.length ? v[i] : 0;
                if (x != version[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
