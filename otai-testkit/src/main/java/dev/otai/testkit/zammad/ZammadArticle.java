package dev.otai.testkit.zammad;

import java.time.Instant;

/** An article in the fake Zammad, as stored. */
public record ZammadArticle(long id, long ticketId, String subject, String body, String contentType, String type,
                            boolean internal, String sender, Instant createdAt) {
}
