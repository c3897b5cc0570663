package dev.otai.zammad;

import dev.otai.api.ticket.HelpdeskException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of groups, priorities and states by id, read once per kind when an answer lacks names (the older
 * search shape); a failed read leaves the name empty rather than failing the search.
 */
final class ZammadLookups implements ZammadMapping.Lookups {

    interface Reader {
        Object read(String operation, String path) throws HelpdeskException, InterruptedException;
    }

    private static final Map<String, String> PATHS = Map.of("group", "/api/v1/groups", "priority", "/api/v1/ticket_priorities",
            "state", "/api/v1/ticket_states");

    private final Reader reader;
    private final Map<String, Map<String, String>> tables = new ConcurrentHashMap<>();

    ZammadLookups(Reader reader) {
        this.reader = reader;
    }

    @Override
    public String name(String kind, Object id) {
        String path = PATHS.get(kind);
        if (path == null) {
            return null;
        }
        return tables.computeIfAbsent(kind, k -> load(path)).get(ZammadMapping.text(id));
    }

    private Map<String, String> load(String path) {
        var table = new ConcurrentHashMap<String, String>();
        try {
            if (reader.read("read lookup " + path, path) instanceof List<?> rows) {
                for (Object row : rows) {
                    if (row instanceof Map<?, ?> m && m.get("id") != null && m.get("name") != null) {
                        table.put(ZammadMapping.text(m.get("id")), String.valueOf(m.get("name")));
                    }
                }
            }
        } catch (HelpdeskException e) {
            return table;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return table;
    }
}
