package dev.otai.core.assembly;

import dev.otai.api.ConfigException;
import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.core.template.Fail;
import dev.otai.core.template.RunScope;
import dev.otai.core.template.TemplateEngine;
import dev.otai.core.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the compiled params of one pipe or service for an execution and converts them to their kinds.
 * Constant params are converted once, here; templated ones on every render. Errors name the culprit, the
 * param, the YAML path and the file position, with every secret redacted. Secret values (secret params and
 * values read with {@code get_env}) are taught to the engine's redactor as soon as they are rendered.
 */
final class ParamRenderer {

    private final String culprit;
    private final List<ParamPlan> params;
    private final Map<String, Object> constants;
    private final TemplateEngine templates;
    private final Map<String, String> environment;
    private final Secrets secrets;
    /** The params rendered on every execution, and which of them are secret: constants are learnt once, here. */
    private final List<ParamPlan> templated;
    private final Secrets.Kinds templatedKinds;

    ParamRenderer(String culprit, List<ParamPlan> params, TemplateEngine templates, Map<String, String> environment,
                  Secrets secrets) {
        this.culprit = culprit;
        this.params = params;
        this.templates = templates;
        this.environment = environment;
        this.secrets = secrets;
        Secrets.Kinds secretKinds = Secrets.Kinds.of(params);
        secrets.learnEnvironmentReads(params);
        var converted = new LinkedHashMap<String, Object>();
        for (ParamPlan param : params) {
            if (param.value().isConstant()) {
                converted.put(param.name(), convert(param, Rendering.render(param.value(), templates, null)));
            }
        }
        this.constants = converted;
        secrets.learn(secretKinds, params, converted);
        this.templated = params.stream().filter(param -> !converted.containsKey(param.name())).toList();
        this.templatedKinds = secretKinds.within(templated);
    }

    List<ParamPlan> params() {
        return params;
    }

    Params render(PipeContext context) {
        var values = new LinkedHashMap<String, Object>();
        RunScope scope = null;
        for (ParamPlan param : params) {
            if (constants.containsKey(param.name())) {
                values.put(param.name(), constants.get(param.name()));
                continue;
            }
            if (scope == null) {
                scope = new RunScope(context, environment);
            }
            try {
                Object rendered = Rendering.render(param.value(), templates, scope);
                values.put(param.name(), rendered == Fail.MARKER ? Fail.MARKER : convert(param, rendered));
            } catch (TemplateException e) {
                throw new ConfigException(redacted(scope, culprit + ": param '" + param.name() + "': " + e.getMessage() + where(param)));
            } catch (ConfigException e) {
                throw new ConfigException(redacted(scope, e.getMessage()));
            }
        }
        if (scope != null) {
            secrets.redactor().registerAll(scope.environmentRead());
        }
        secrets.learn(templatedKinds, templated, values);
        return new RenderedParams(values);
    }

    private String redacted(RunScope scope, String message) {
        secrets.redactor().registerAll(scope.environmentRead());
        return secrets.redactor().redact(message);
    }

    private Object convert(ParamPlan param, Object rendered) {
        return switch (Coercion.coerce(param.spec(), rendered)) {
            case Coercion.Outcome.Ok ok -> ok.value();
            case Coercion.Outcome.Wrong wrong -> throw new ConfigException(culprit + ": param '" + wrong.label(param.name())
                    + "' " + wrong.problem() + " at " + ParamValues.path(param.path(), wrong.at()) + " ("
                    + param.value().templateAt(wrong.at(), param.location()) + ")");
        };
    }

    private static String where(ParamPlan param) {
        return " at " + param.path() + " (" + param.location() + ")";
    }
}
