package dev.otai.core.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.List;

/**
 * Stands in for a Jinja2 tag that reads other templates or files ({@code include}, {@code import}, {@code from},
 * {@code extends}): templates are found at load time and refused there, and refused again should one render.
 */
final class RefusedTag implements Tag {

    private static final long serialVersionUID = 1L;

    static final List<String> NAMES = List.of("include", "import", "from", "extends");

    private final String name;

    RefusedTag(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getEndTagName() {
        return null;
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        throw new TemplateException(problem());
    }

    String problem() {
        return "uses {% " + name + " %}, which otai does not allow: a template cannot include, import or extend"
                + " other templates or files; write the text into the value itself";
    }
}
