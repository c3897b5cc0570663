package org.example.otai.keywords;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import java.util.List;
import java.util.Map;

/**
 * A pipe: tags its {@code text} with the injected {@link KeywordTagger}. Succeeds with {@code value} (the tag) when
 * a keyword matches; is skipped otherwise, so a composite goes on and {@code has_failed} stays false.
 *
 * <pre>{@code
 * - id: tag
 *   use: keywords:TagText
 *   injects: {tagger: tagger}
 *   params: {text: "{{ ticket.subject }}"}
 * }</pre>
 */
final class TagTextPipe implements Pipe {

    static final Param<String> TEXT = Param.string("text").mandatory().describedAs("the text to tag");

    static final PipeType TYPE = PipeType.of("TagText", "Tags a text with the injected keywords:KeywordTagger.",
            List.of(TEXT), Map.of("tagger", KeywordTagger.class), false,
            setup -> new TagTextPipe(setup.service("tagger", KeywordTagger.class)));

    private final KeywordTagger tagger;

    private TagTextPipe(KeywordTagger tagger) {
        this.tagger = tagger;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) {
        String text = params.get(TEXT);
        return tagger.tag(text)
                .map(tag -> PipeResult.success("tagged " + tag, Map.of("value", tag)))
                .orElseGet(() -> PipeResult.skipped("no keyword of any tag in the text"));
    }
}
