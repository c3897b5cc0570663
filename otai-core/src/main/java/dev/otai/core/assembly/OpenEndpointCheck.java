package dev.otai.core.assembly;

import dev.otai.api.ParamSpec;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.config.PipeConfig;
import dev.otai.core.config.Problems;
import dev.otai.api.EventTrigger;
import java.util.Collection;
import java.util.List;

/**
 * Refuses, at load time, a trigger that takes HTTP requests without credentials on a server that other hosts can
 * reach. Such triggers are those whose type declares {@link EventTrigger#ALLOW_UNAUTHENTICATED}; their
 * credentials are their secret-valued params ({@code secret}, {@code token}). On a loopback-only server, or with
 * {@code allow_unauthenticated: true}, a trigger may go without.
 */
final class OpenEndpointCheck {

    private OpenEndpointCheck() {
    }

    static void check(HttpSettings http, Collection<NodePlan> triggers, Problems problems) {
        if (http.loopbackOnly()) {
            return;
        }
        for (NodePlan trigger : triggers) {
            List<String> credentials = trigger.type().params().stream().filter(ParamSpec::secret).map(ParamSpec::name).toList();
            boolean takesRequests = trigger.type().params().stream()
                    .anyMatch(spec -> spec.name().equals(EventTrigger.ALLOW_UNAUTHENTICATED.name()));
            boolean hasCredential = trigger.params().stream().anyMatch(param -> param.spec().secret());
            if (takesRequests && !hasCredential && !allowed(trigger.config())) {
                String credential = credentials.isEmpty() ? "a credential" : "'" + String.join("' or '", credentials) + "'";
                problems.error(trigger.config().location(), trigger.config().path(), "trigger '" + trigger.config().id()
                        + "' (" + trigger.use() + ") takes POST /hooks/" + trigger.config().id() + " without " + credential
                        + ", and the HTTP server listens on " + http.host() + ", reachable from other hosts; expected "
                        + credential + " (for example \"{{ get_env('HOOK_SECRET') }}\"), infrastructure.http.host: 127.0.0.1, or '"
                        + EventTrigger.ALLOW_UNAUTHENTICATED.name() + ": true' when something in front of otai checks every request");
            }
        }
    }

    private static boolean allowed(PipeConfig trigger) {
        PipeConfig.ConfigParam param = trigger.params().get(EventTrigger.ALLOW_UNAUTHENTICATED.name());
        return param != null && "true".equalsIgnoreCase(String.valueOf(param.value().toPlain()).strip());
    }
}
