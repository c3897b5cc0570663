package dev.otai.testkit.zammad;

import java.time.Instant;
import java.util.List;

/** A ticket in the fake Zammad, as stored, with its names resolved: a snapshot. */
public record ZammadTicket(long id, String number, String title, String group, String priority, String state,
                           String customer, List<String> tags, Instant createdAt, Instant updatedAt,
                           List<ZammadArticle> articles) {

    public ZammadTicket {
        tags = List.copyOf(tags);
        articles = List.copyOf(articles);
    }

    /** The articles the engine wrote: all but the first, which opened the ticket. */
    public List<ZammadArticle> addedArticles() {
        return articles.isEmpty() ? List.of() : articles.subList(1, articles.size());
    }
}
