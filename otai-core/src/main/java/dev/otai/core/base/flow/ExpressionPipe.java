package dev.otai.core.base.flow;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates {@code expression} and returns it as data {@code value}. An expression that is exactly
 * {@code {{ fail() }}} (usually {@code {{ fail() if … else … }}}) makes the pipe fail.
 */
public final class ExpressionPipe implements Pipe {

    private static final Param<Object> EXPRESSION = Param.any("expression").mandatory()
            .describedAs("a value or a template; its result becomes data 'value'");

    public static final PipeType TYPE = PipeType.of("ExpressionPipe",
            "Evaluates 'expression' to data 'value'; {{ fail() }} makes it fail.",
            List.of(EXPRESSION),
            Map.of(), false, setup -> new ExpressionPipe());

    @Override
    public PipeResult execute(PipeContext context, Params params) {
        var data = new LinkedHashMap<String, Object>();
        data.put("value", params.find(EXPRESSION).orElse(null));
        return PipeResult.success(data);
    }
}
