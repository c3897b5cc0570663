package dev.otai.core.registry;

import dev.otai.api.Plugin;

/** A plugin whose constructor throws, as a broken third-party plugin's might; only ever named by a test jar. */
public final class ExplodingPlugin implements Plugin {

    public ExplodingPlugin() {
        throw new IllegalStateException("licence file /etc/acme/licence.key not found");
    }

    @Override
    public String name() {
        return "acme";
    }
}
