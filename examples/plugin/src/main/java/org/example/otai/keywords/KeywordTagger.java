package org.example.otai.keywords;

import dev.otai.api.Param;
import dev.otai.api.ServiceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A service: tags a text with the first tag whose keywords it contains (case-insensitive), in config order.
 *
 * <pre>{@code
 * services:
 *   tagger:
 *     use: keywords:KeywordTagger
 *     params:
 *       tags: {Printer: [printer, toner], Billing: [invoice, refund]}
 * }</pre>
 */
public final class KeywordTagger {

    static final Param<Map<String, Object>> TAGS = Param.map("tags").mandatory()
            .withValues(Param.list("keywords").ofItems(Param.string("keyword")))
            .describedAs("each tag with the keywords that give it, for example {Printer: [printer, toner]}");

    static final ServiceType TYPE = ServiceType.of("KeywordTagger",
            "Tags a text with the first tag whose keywords it contains.", KeywordTagger.class, List.of(TAGS),
            setup -> new KeywordTagger(setup.params().get(TAGS)));

    private final Map<String, List<String>> keywords;

    KeywordTagger(Map<String, Object> tags) {
        var copy = new LinkedHashMap<String, List<String>>();
        tags.forEach((tag, words) -> {
            if (!(words instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException("param 'tags': tag '" + tag + "' has " + words
                        + "; expected a non-empty list of keywords");
            }
            var lower = new ArrayList<String>();
            list.forEach(word -> lower.add(String.valueOf(word).toLowerCase(Locale.ROOT)));
            copy.put(tag, List.copyOf(lower));
        });
        this.keywords = copy;
    }

    /** The first tag with a keyword in the text, if any. */
    public Optional<String> tag(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return keywords.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(lower::contains))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
