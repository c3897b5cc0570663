package dev.otai.testkit.otobo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A ticket in the fake OTOBO/Znuny, as stored: a snapshot, safe to keep. */
public record OtoboTicket(String id, String number, String title, String queue, String priority, String state,
                          String type, String owner, String customerUser, String customerId, Instant created,
                          Instant changed, Map<String, Object> dynamicFields, List<OtoboArticle> articles) {

    public OtoboTicket {
        dynamicFields = Map.copyOf(dynamicFields);
        articles = List.copyOf(articles);
    }

    /** The articles the engine wrote: all but the first, which opened the ticket. */
    public List<OtoboArticle> addedArticles() {
        return articles.isEmpty() ? List.of() : articles.subList(1, articles.size());
    }
}
