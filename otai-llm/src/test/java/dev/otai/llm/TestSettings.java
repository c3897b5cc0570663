package dev.otai.llm;

import dev.otai.api.PipeType;
import dev.otai.testkit.StandaloneSetup;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings as the engine would build them: given values over the plugin's declared defaults. */
final class TestSettings {

    static final String KEY = "sk-test-0123456789-secret";
    static final Map<String, String> LABELS = new LinkedHashMap<>(Map.of());

    static {
        LABELS.put("Billing", "invoices, payments, refunds");
        LABELS.put("IT", "hardware, software, accounts");
        LABELS.put("Sales", "quotes and new orders");
    }

    private TestSettings() {
    }

    static LlmSettings of(URI baseUrl, Object... overrides) {
        var values = new LinkedHashMap<String, Object>();
        values.put("base_url", baseUrl.toString());
        values.put("model", "gpt-4o-mini");
        values.put("api_key", KEY);
        values.put("labels", LABELS);
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return LlmSettings.from("llm_queue", StandaloneSetup.params(PipeType.specs(LlmPlugin.PARAMS), values));
    }
}
