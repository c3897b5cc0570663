package dev.otai.bench;

import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 19 string params of the OTAI demo pipeline (peers-and-limits §1.3: the strings OTAI renders per ticket),
 * in config order, each with the step it belongs to; and the context each step sees in a real run.
 */
final class DemoTemplates {

    record Entry(String step, String param, String source) {
    }

    static final List<String> STEPS = List.of("ticket_fetcher", "fail_no_tickets", "ticket", "queue_classify",
            "queue_select_final", "queue_update_ticket", "queue_add_note", "priority_classify", "priority_select_final",
            "priority_update_ticket", "priority_add_note");

    static final List<Entry> ALL = List.of(
            new Entry("ticket_fetcher", "ticket_search_criteria.queue.name", "OpenTicketAI::Incoming"),
            new Entry("fail_no_tickets", "expression", "{{ fail() if (get_pipe_result('ticket_fetcher','fetched_tickets')|length)==0 else 'Tickets found' }}"),
            new Entry("ticket", "expression", "{{ get_pipe_result('ticket_fetcher','fetched_tickets')[0] }}"),
            new Entry("queue_classify", "text", "{{ get_pipe_result('ticket')['subject'] }} {{ get_pipe_result('ticket')['body'] }}"),
            new Entry("queue_classify", "model_name", "softoft/otai-queue-de-bert-v1"),
            new Entry("queue_select_final", "expression", "{{ get_pipe_result('queue_classify','label') if get_pipe_result('queue_classify','confidence') >= 0.8 else 'OpenTicketAI::Unclassified' }}"),
            new Entry("queue_update_ticket", "ticket_id", "{{ get_pipe_result('ticket')['id'] }}"),
            new Entry("queue_update_ticket", "updated_ticket.queue.name", "{{ get_pipe_result('queue_select_final') }}"),
            new Entry("queue_add_note", "ticket_id", "{{ get_pipe_result('ticket')['id'] }}"),
            new Entry("queue_add_note", "note.subject", "Queue classification"),
            new Entry("queue_add_note", "note.body", "Queue {{ get_pipe_result('queue_classify','label') }} with confidence {{ (get_pipe_result('queue_classify','confidence') * 100) | round(2) }}%"),
            new Entry("priority_classify", "text", "{{ get_pipe_result('ticket')['subject'] }} {{ get_pipe_result('ticket')['body'] }}"),
            new Entry("priority_classify", "model_name", "softoft/otai-priority-de-bert-v1"),
            new Entry("priority_select_final", "expression", "{{ get_pipe_result('priority_classify','label') if get_pipe_result('priority_classify','confidence') >= 0.95 else '3 normal' }}"),
            new Entry("priority_update_ticket", "ticket_id", "{{ get_pipe_result('ticket')['id'] }}"),
            new Entry("priority_update_ticket", "updated_ticket.priority.name", "{{ get_pipe_result('priority_select_final') }}"),
            new Entry("priority_add_note", "ticket_id", "{{ get_pipe_result('ticket')['id'] }}"),
            new Entry("priority_add_note", "note.subject", "Priority classification"),
            new Entry("priority_add_note", "note.body", "Priority {{ get_pipe_result('priority_classify','label') }} ({{ get_pipe_result('priority_classify','confidence') | round(2) }})"));

    private DemoTemplates() {
    }

    /** The context {@code step} ran with: the run's values and parent params, and the results of the steps before it. */
    static PipeContext contextOf(String step, PipeContext last) {
        PipeContext context = PipeContext.forRun(last.run()).withParentParams(last.parentParams());
        for (Map.Entry<String, Object> value : last.values().entrySet()) {
            context = context.withValue(value.getKey(), value.getValue());
        }
        for (String earlier : STEPS.subList(0, STEPS.indexOf(step))) {
            PipeResult result = last.results().get(earlier);
            if (result == null) {
                throw new IllegalStateException("the captured run has no result of step '" + earlier + "'");
            }
            context = context.withResult(earlier, result);
        }
        return context;
    }

    /** What each template must render to in the captured run, taken from the pipes' results and the notes the run wrote. */
    static List<Object> expected(PipeContext last, Ticket routed) {
        Map<String, Object> ticket = last.results().get("ticket").data();
        @SuppressWarnings("unchecked")
        Map<String, Object> fetched = ((List<Map<String, Object>>) last.results().get("ticket_fetcher").data().get("fetched_tickets")).getFirst();
        Object id = ((Map<?, ?>) ticket.get("value")).get("id");
        String text = fetched.get("subject") + " " + fetched.get("body");
        var out = new ArrayList<Object>();
        out.add("OpenTicketAI::Incoming");
        out.add("Tickets found");
        out.add(fetched);
        out.add(text);
        out.add("softoft/otai-queue-de-bert-v1");
        out.add(last.results().get("queue_select_final").data().get("value"));
        out.add(id);
        out.add(last.results().get("queue_select_final").data().get("value"));
        out.add(id);
        out.add("Queue classification");
        out.add(routed.notes().get(1).body());
        out.add(text);
        out.add("softoft/otai-priority-de-bert-v1");
        out.add(last.results().get("priority_select_final").data().get("value"));
        out.add(id);
        out.add(last.results().get("priority_select_final").data().get("value"));
        out.add(id);
        out.add("Priority classification");
        out.add(routed.notes().get(2).body());
        return out;
    }
}
