package dev.otai.zammad;

import dev.otai.api.ticket.HelpdeskException;

/**
 * Zammad ticket ids are positive integers. An id of any other shape (from a template, a webhook payload or a
 * helpdesk answer) is refused before a request is sent, so it can never change a request's path or query.
 */
final class TicketIds {

    static final String EXPECTED = "a Zammad ticket id (a positive integer such as 42)";

    private TicketIds() {
    }

    static String checked(String operation, String id) throws HelpdeskException {
        if (id == null || !id.matches("[1-9][0-9]{0,18}")) {
            throw new HelpdeskException(ZammadHttp.HELPDESK, operation, 0, null, HelpdeskException.Kind.REJECTED,
                    "ticket id was " + shown(id) + "; expected " + EXPECTED);
        }
        return id;
    }

    /** The id quoted for an error message: control characters escaped, at most 80 characters. */
    private static String shown(String id) {
        if (id == null) {
            return "null";
        }
        var out = new StringBuilder("\"");
        id.codePoints().limit(80).forEach(c -> out.append(Character.isISOControl(c) || c == '"'
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.append(id.length() > 80 ? "...\"" : "\"").toString();
    }
}
