package dev.otai.bench.http;

import dev.otai.api.classify.Classification;
import dev.otai.core.template.Template;
import dev.otai.core.template.TemplateEngine;
import dev.otai.core.template.TemplateScope;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Camel route with otai's template engine inside processors (second variant of the fairness rules): the same
 * 12 templated strings per ticket as {@code otai-http-bench.yml}, compiled once, rendered against the exchange, so
 * that otai vs this route compares orchestration alone and this route vs the Simple one shows the templating cost.
 */
final class CamelJinjaRoutes extends RouteBuilder {

    private static final TemplateEngine TEMPLATES = new TemplateEngine();
    private static final Template TEXT = TEMPLATES.compile("{{ ticket.subject }} {{ ticket.body }}");
    private static final Template ID = TEMPLATES.compile("{{ ticket.id }}");
    private static final Template QUEUE_FINAL = TEMPLATES.compile("{{ get_pipe_result('queue_classify','label') if get_pipe_result('queue_classify','confidence') >= 0.8 else 'Unclassified' }}");
    private static final Template QUEUE = TEMPLATES.compile("{{ get_pipe_result('queue_select_final') }}");
    private static final Template QUEUE_NOTE = TEMPLATES.compile("Queue {{ get_pipe_result('queue_classify','label') }} with confidence {{ get_pipe_result('queue_classify','confidence') }}");
    private static final Template PRIORITY_FINAL = TEMPLATES.compile("{{ get_pipe_result('priority_classify','label') if get_pipe_result('priority_classify','confidence') >= 0.95 else '3 normal' }}");
    private static final Template PRIORITY = TEMPLATES.compile("{{ get_pipe_result('priority_select_final') }}");
    private static final Template PRIORITY_NOTE = TEMPLATES.compile("Priority {{ get_pipe_result('priority_classify','label') }} ({{ get_pipe_result('priority_classify','confidence') }})");

    private final CamelSide side;
    private final ExecutorService pool;

    CamelJinjaRoutes(CamelSide side, ExecutorService pool) {
        this.side = side;
        this.pool = pool;
    }

    /** Template variables and pipe results of one ticket's exchange: {@code ticket}, and properties named {@code pipe.key}. */
    private record ExchangeScope(Exchange exchange) implements TemplateScope {
        @Override
        public Map<String, Object> variables() {
            OtoboWire.Fetched t = exchange.getProperty("ticket", OtoboWire.Fetched.class);
            return Map.of("ticket", Map.of("id", t.id(), "subject", t.subject(), "body", t.body()));
        }

        @Override
        public Object pipeResult(String pipeId, String key) {
            return exchange.getProperty(pipeId + "." + key);
        }

        @Override
        public boolean hasFailed(String pipeId) {
            return false;
        }

        @Override
        public String env(String name) {
            return null;
        }

        @Override
        public Object parentParam(String key) {
            return null;
        }
    }

    private static String render(Template template, Exchange e) {
        return String.valueOf(TEMPLATES.render(template, new ExchangeScope(e)));
    }

    private static void result(Exchange e, String pipeId, Classification c) {
        e.setProperty(pipeId + ".label", c.label());
        e.setProperty(pipeId + ".confidence", c.confidence());
    }

    @Override
    public void configure() {
        from("timer:first?repeatCount=1&delay=0").process(side::firstRound);
        from("direct:round")
                .process(e -> e.getMessage().setBody(side.wire().fetch(Workload.INCOMING, side.limit())))
                .split(body()).parallelProcessing().executorService(pool).stopOnException()
                    .process(e -> e.setProperty("ticket", e.getMessage().getBody()))
                    .process(e -> result(e, "queue_classify", Workload.queue(render(TEXT, e))))
                    .process(e -> e.setProperty("queue_select_final.value", render(QUEUE_FINAL, e)))
                    .process(e -> side.wire().update(render(ID, e), "Queue", render(QUEUE, e)))
                    .process(e -> side.wire().note(render(ID, e), "Queue classification", render(QUEUE_NOTE, e)))
                    .process(e -> result(e, "priority_classify", Workload.priority(render(TEXT, e))))
                    .process(e -> e.setProperty("priority_select_final.value", render(PRIORITY_FINAL, e)))
                    .process(e -> side.wire().update(render(ID, e), "Priority", render(PRIORITY, e)))
                    .process(e -> side.wire().note(render(ID, e), "Priority classification", render(PRIORITY_NOTE, e)))
                .end();
    }
}
