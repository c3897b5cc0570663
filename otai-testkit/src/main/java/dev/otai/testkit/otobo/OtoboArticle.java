package dev.otai.testkit.otobo;

import java.time.Instant;

/** An article of a ticket in the fake OTOBO/Znuny, as stored. */
public record OtoboArticle(String id, String subject, String body, String contentType, boolean visibleForCustomer,
                           String senderType, String channel, Instant created) {
}
