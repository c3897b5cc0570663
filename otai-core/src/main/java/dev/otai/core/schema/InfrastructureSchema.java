package dev.otai.core.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schema of {@code infrastructure}: logging, http, templates, storage and console, as {@code core.config}'s readers
 * accept them. Unknown keys stay allowed, as the engine only warns about them.
 */
final class InfrastructureSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DURATION = "a duration: ISO-8601 (PT5M), H:MM:SS, or seconds";

    private InfrastructureSchema() {
    }

    static ObjectNode infrastructure() {
        return section("Engine settings: logging, the HTTP server, template limits, the embedded store, the web console.")
                .set("properties", JSON.objectNode()
                        .<ObjectNode>set("logging", logging())
                        .<ObjectNode>set("http", http())
                        .<ObjectNode>set("templates", templates())
                        .<ObjectNode>set("storage", storage())
                        .set("console", console()));
    }

    private static ObjectNode console() {
        return section("The web console under /console on the engine's HTTP server; off unless present").set("properties",
                JSON.objectNode()
                        .<ObjectNode>set("token", text("the sign-in token: at least 16 characters, or {{ get_env('OTAI_CONSOLE_TOKEN') }}"))
                        .<ObjectNode>set("enabled", flag("false keeps the console off").put("default", true))
                        .<ObjectNode>set("session_timeout", duration("how long a sign-in lasts").put("default", "PT8H"))
                        .set("secure_cookie", flag("mark the session cookie Secure (behind a TLS proxy)").put("default", false)));
    }

    private static ObjectNode logging() {
        ObjectNode format = JSON.objectNode().set("anyOf", JSON.arrayNode()
                .add(JSON.objectNode().put("type", "string").set("enum", JSON.arrayNode().add("text").add("json")
                        .add("TEXT").add("JSON").add("Text").add("Json")))
                .add(section("Python logging format strings").set("properties", JSON.objectNode()
                        .<ObjectNode>set("message_format", text("Python logging format, such as %(asctime)s %(levelname)-8s %(message)s"))
                        .set("date_format", text("strftime date format")))));
        return section("infrastructure.logging").set("properties", JSON.objectNode()
                .<ObjectNode>set("level", JSON.objectNode().put("type", "string")
                        .put("pattern", "^(?:" + UsePattern.caseless("TRACE") + "|" + UsePattern.caseless("DEBUG") + "|"
                                + UsePattern.caseless("INFO") + "|" + UsePattern.caseless("WARNING") + "|"
                                + UsePattern.caseless("WARN") + "|" + UsePattern.caseless("ERROR") + "|"
                                + UsePattern.caseless("CRITICAL") + "|" + UsePattern.caseless("OFF") + ")$")
                        .put("default", "INFO")
                        .<ObjectNode>set("examples", JSON.arrayNode().add("DEBUG").add("INFO").add("WARNING").add("ERROR").add("CRITICAL")))
                .<ObjectNode>set("file", text("also write the log to this file"))
                .<ObjectNode>set("log_to_file", flag("OTAI: write the log to log_file_path"))
                .<ObjectNode>set("log_file_path", text("OTAI: the log file, with log_to_file: true"))
                .<ObjectNode>set("log_format", text("OTAI: Python logging format"))
                .<ObjectNode>set("date_format", text("strftime date format"))
                .<ObjectNode>set("json", flag("JSON lines instead of text"))
                .set("format", format));
    }

    private static ObjectNode http() {
        return section("The engine's HTTP server: webhooks, /health, /metrics").set("properties", JSON.objectNode()
                .<ObjectNode>set("host", text("the bind address").put("default", "127.0.0.1"))
                .<ObjectNode>set("port", integer(0, 65535, "the port").put("default", 8080))
                .<ObjectNode>set("max_body_bytes", integer(1, Integer.MAX_VALUE, "larger hook bodies are answered 413")
                        .put("default", 1048576))
                .<ObjectNode>set("reload_token", text("the token POST /reload (otai trigger --reload) must carry; "
                        + "without one, only a server bound to loopback takes reloads over HTTP"))
                .set("allowed_hosts", JSON.objectNode().put("type", "array")
                        .put("description", "Host header names the server answers besides loopback names; [\"*\"] answers any")
                        .set("items", JSON.objectNode().set("type", JSON.arrayNode().add("string").add("number")))));
    }

    private static ObjectNode templates() {
        return section("What one render of one template may cost").set("properties", JSON.objectNode()
                .<ObjectNode>set("max_output_chars", integer(1, Integer.MAX_VALUE, "the longest text a render may produce")
                        .put("default", 1000000))
                .<ObjectNode>set("max_loop_iterations", integer(1, Integer.MAX_VALUE, "loop passes in one render")
                        .put("default", 100000))
                .set("max_render_time", duration("how long one render may take").put("default", "PT1S")));
    }

    private static ObjectNode storage() {
        ObjectNode retention = section("how long run history is kept").set("properties", JSON.objectNode()
                .<ObjectNode>set("max_age", duration("runs older than this are deleted"))
                .set("max_runs", integer(1, Long.MAX_VALUE, "the most runs kept")));
        ObjectNode ledger = section("the effect ledger's caps").set("properties", JSON.objectNode()
                .<ObjectNode>set("enabled", flag("record each helpdesk write, so none repeats after a crash"))
                .<ObjectNode>set("max_writes_per_run", integer(1, Long.MAX_VALUE, "writes one run may make"))
                .<ObjectNode>set("max_writes_per_ticket", integer(1, Long.MAX_VALUE, "writes to one ticket within 'window'"))
                .<ObjectNode>set("window", duration("the window of max_writes_per_ticket"))
                .set("always_write", JSON.objectNode().put("type", "array").put("description", "step ids whose writes repeat on every run")
                        .set("items", JSON.objectNode().set("type", JSON.arrayNode().add("string").add("number")))));
        return section("The store: run history, effect ledger, local ticket system; embedded H2 in data_dir, or "
                + "PostgreSQL shared by a cluster when url is set").set("properties", JSON.objectNode()
                .<ObjectNode>set("data_dir", text("the data directory of the embedded store").put("default", "./otai-data"))
                .<ObjectNode>set("url", text("a PostgreSQL JDBC url (jdbc:postgresql://host:5432/otai): clustered mode; "
                        + "absent, the embedded store").put("pattern", "^\\s*jdbc:postgresql://"))
                .<ObjectNode>set("user", text("the PostgreSQL user"))
                .<ObjectNode>set("password", JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("string").add("number"))
                        .put("description", "the PostgreSQL password, a secret: {{ get_env('OTAI_DB_PASSWORD') }}"))
                .<ObjectNode>set("pool_size", integer(2, 500, "connections this engine holds open").put("default", 8))
                .<ObjectNode>set("node", text("this engine's name in the cluster; default: host name and process id"))
                .<ObjectNode>set("lease", duration("how long a runner's owner keeps it without renewing (at least 2 s)")
                        .put("default", "PT10S"))
                .<ObjectNode>set("retention", retention)
                .<ObjectNode>set("max_value_chars", integer(1, Long.MAX_VALUE, "longest value kept in run history"))
                .<ObjectNode>set("max_steps_per_run", integer(1, Long.MAX_VALUE, "steps kept per run"))
                .set("ledger", ledger));
    }

    private static ObjectNode section(String description) {
        return JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("object").add("null"))
                .put("description", description);
    }

    private static ObjectNode text(String description) {
        return JSON.objectNode().put("type", "string").put("description", description);
    }

    private static ObjectNode flag(String description) {
        return JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("boolean").add("string"))
                .put("description", description);
    }

    private static ObjectNode integer(long min, long max, String description) {
        ObjectNode number = JSON.objectNode().put("type", "integer").put("minimum", min);
        if (max < Long.MAX_VALUE) {
            number.put("maximum", max);
        }
        ObjectNode text = JSON.objectNode().put("type", "string").put("pattern", "^\\s*\\d+\\s*$");
        return JSON.objectNode().<ObjectNode>set("anyOf", JSON.arrayNode().add(number).add(text)).put("description", description);
    }

    private static ObjectNode duration(String description) {
        return JSON.objectNode().<ObjectNode>set("type", JSON.arrayNode().add("string").add("number"))
                .put("description", description + " (" + DURATION + ")");
    }
}
