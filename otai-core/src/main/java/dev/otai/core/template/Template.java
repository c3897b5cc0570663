package dev.otai.core.template;

import com.hubspot.jinjava.tree.Node;
import java.util.List;

/**
 * A param value compiled once at load time. A value that is exactly one {@code {{ expr }}} renders to the
 * expression's native value (map, list, number, boolean…); any other template renders to a string; a string
 * without template syntax is kept as it is and never re-parsed as a literal.
 */
public sealed interface Template {

    /** The template text as written in the config. */
    String source();

    record Literal(String source) implements Template {
    }

    record Expression(String source, String expression) implements Template {
    }

    /** Text with template syntax; {@code problems} are what was wrong with it at compile time (none when fine). */
    record Text(String source, Node tree, List<String> problems) implements Template {
    }
}
