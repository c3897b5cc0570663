package dev.otai.otobo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** TicketIDs in OTOBO/Znuny route paths. */
final class TicketIds {

    private TicketIds() {
    }

    /** {@code value} as one URL path segment; commas stay, since a TicketGet route takes a comma-separated list. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
    }
}
