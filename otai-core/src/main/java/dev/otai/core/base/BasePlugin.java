package dev.otai.core.base;

import dev.otai.api.PipeType;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.api.ticket.WebhookReader;
import dev.otai.core.base.classify.ClassificationPipe;
import dev.otai.core.base.flow.CompositePipe;
import dev.otai.core.base.flow.ExpressionPipe;
import dev.otai.core.base.flow.ForEachPipe;
import dev.otai.core.base.ticket.AddNotePipe;
import dev.otai.core.base.ticket.CreateTicketPipe;
import dev.otai.core.base.ticket.FetchTicketsPipe;
import dev.otai.core.base.ticket.GetTicketPipe;
import dev.otai.core.base.ticket.UpdateTicketPipe;
import dev.otai.core.base.trigger.CronTrigger;
import dev.otai.core.base.trigger.IntervalTrigger;
import dev.otai.core.base.trigger.ManualTrigger;
import dev.otai.core.base.trigger.WebhookTrigger;
import dev.otai.core.base.trigger.ZendeskDeliveries;
import dev.otai.core.orchestration.OrchestratorPipe;
import dev.otai.core.orchestration.RunnerPipe;
import dev.otai.core.template.TemplateEngine;
import java.util.List;

/** The built-in plugin {@code base}, found through {@link java.util.ServiceLoader} like any other. */
public final class BasePlugin implements Plugin {

    @Override
    public String name() {
        return "base";
    }

    @Override
    public List<PipeType> pipes() {
        return List.of(OrchestratorPipe.TYPE, RunnerPipe.TYPE, CompositePipe.TYPE, ExpressionPipe.TYPE,
                IntervalTrigger.TYPE, CronTrigger.TYPE, WebhookTrigger.TYPE, ManualTrigger.TYPE, ForEachPipe.TYPE,
                FetchTicketsPipe.TYPE, GetTicketPipe.TYPE, UpdateTicketPipe.TYPE,
                AddNotePipe.TYPE, CreateTicketPipe.TYPE, ClassificationPipe.TYPE);
    }

    /** Zendesk's delivery ids; the helpdesk plugins register the readers of their own webhooks. */
    @Override
    public List<WebhookReader> webhookReaders() {
        return List.of(new ZendeskDeliveries());
    }

    @Override
    public List<ServiceType> services() {
        return List.of(ServiceType.of("JinjaRenderer",
                "Accepted for OTAI configs: templates are always Jinja2; configs without it work too.",
                TemplateEngine.class, List.of(), setup -> setup.facility(TemplateEngine.class)));
    }
}
