package dev.otai.support.ticket;

import dev.otai.api.ticket.HelpdeskException;

/**
 * Ticket ids of helpdesks whose ids are positive integers (OTOBO/Znuny, Zammad). An id of any other shape, from a
 * template, a webhook payload or a helpdesk answer, is refused before a request is sent, so that it can never
 * change a request's path or query.
 */
public final class NumericTicketIds {

    private static final int SHOWN = 80;

    private NumericTicketIds() {
    }

    /**
     * {@code id} when it is a positive integer; otherwise a rejection naming the helpdesk, operation and value, and
     * what was expected: {@code idName} (such as "a Zammad ticket id"), a positive integer.
     */
    public static String checked(String helpdesk, String idName, String operation, String id) throws HelpdeskException {
        if (id == null || !id.matches("[1-9][0-9]{0,18}")) {
            throw new HelpdeskException(helpdesk, operation, 0, null, HelpdeskException.Kind.REJECTED,
                    "ticket id was " + shown(id) + "; expected " + idName + " (a positive integer such as 42)");
        }
        return id;
    }

    /** The id quoted for an error message: control characters and quotes escaped, at most 80 characters. */
    private static String shown(String id) {
        if (id == null) {
            return "null";
        }
        var out = new StringBuilder("\"");
        id.codePoints().limit(SHOWN).forEach(c -> out.append(Character.isISOControl(c) || c == '"'
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.append(id.length() > SHOWN ? "...\"" : "\"").toString();
    }
}
