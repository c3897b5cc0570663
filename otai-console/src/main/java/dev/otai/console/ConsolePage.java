package dev.otai.console;

import dev.otai.console.signin.Session;
import io.javalin.http.Context;

/** A console page or action, served only to a signed-in browser (and, for actions, with the CSRF token). */
@FunctionalInterface
public interface ConsolePage {

    void handle(Context ctx, Session session) throws Exception;
}
