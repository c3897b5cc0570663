package dev.otai.core.redaction;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The secrets of one otai process and the one place that cuts them out of outgoing text: log lines, run history,
 * error messages and command output all pass {@link #redact}. A secret is registered once (the secret params of
 * services and pipes, every value read with {@code get_env}, anything a plugin declares secret) and is then known
 * in each of its {@linkplain SecretForms forms}, whatever its length.
 *
 * <p>A form of at least {@value #SHORTEST_ANYWHERE} characters is replaced wherever it occurs. A shorter one
 * (a one- to three-character password, say) is replaced only where it stands as a whole token: not directly
 * after or before a letter, digit or {@code _} on the side where the form itself starts or ends with one. So a
 * password {@code ab} is cut from {@code "Password":"ab"} and {@code Password=ab&} but not from {@code about}.
 *
 * <p>Credentials written into a URL ({@code https://user:password@host/}) are masked in any text, known or not:
 * the user info becomes {@value #MARKER}.
 *
 * <p>Thread-safe; registering is rare, redacting is frequent and lock-free. Text that holds none of the forms,
 * the usual case, costs one pass over its characters: only where a character starts some form is that form
 * compared.
 */
public final class Redactor {

    /** What replaces a secret. */
    public static final String MARKER = "***";
    public static final int SHORTEST_ANYWHERE = 4;

    /** One text to cut out; {@code wholeToken} when it is short enough to occur inside unrelated words. */
    private record Form(String text, boolean wholeToken) {
    }

    /**
     * The registered forms, longest first, and the same forms by their first character, so that one pass over a
     * text tells whether any of them occurs in it.
     */
    private record Known(List<Form> forms, Map<Character, List<String>> byFirst, List<String>[] byFirstAscii) {

        static final Known NONE = of(List.of());

        @SuppressWarnings("unchecked")
        static Known of(List<Form> forms) {
            var byFirst = new HashMap<Character, List<String>>();
            for (Form form : forms) {
                byFirst.computeIfAbsent(form.text().charAt(0), c -> new ArrayList<>()).add(form.text());
            }
            List<String>[] ascii = new List[128];
            byFirst.forEach((c, texts) -> {
                if (c < ascii.length) {
                    ascii[c] = List.copyOf(texts);
                }
            });
            byFirst.replaceAll((c, texts) -> List.copyOf(texts));
            return new Known(forms, Map.copyOf(byFirst), ascii);
        }

        /** Whether some form occurs in {@code text}, ignoring token boundaries (so never a false "no"). */
        boolean anyIn(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                List<String> starting = c < byFirstAscii.length ? byFirstAscii[c] : byFirst.get(c);
                if (starting != null) {
                    for (String form : starting) {
                        if (text.startsWith(form, i)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    private static final Pattern URL_USER_INFO = Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s]*@");

    /** Keys already registered; read without a lock, so that re-registering a known secret costs a lookup. */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Known known = Known.NONE;

    /** Registers {@code secret} (ignored when null or empty) in all its forms. */
    public void register(String secret) {
        if (secret == null || secret.isEmpty() || registered.contains(secret)) {
            return;
        }
        add(secret, SecretForms.of(secret));
    }

    public void registerAll(Collection<String> secrets) {
        secrets.forEach(this::register);
    }

    /** Registers a password and the {@code user:password} pair in the base64 forms HTTP Basic authentication sends. */
    public void registerBasicCredentials(String user, String password) {
        if (password == null || password.isEmpty()) {
            return;
        }
        register(password);
        String key = user == null ? null : "basic " + user + ":" + password;
        if (key != null && !registered.contains(key)) {
            add(key, SecretForms.basicCredentials(user, password));
        }
    }

    private synchronized void add(String key, Set<String> texts) {
        if (!registered.add(key)) {
            return;
        }
        var all = new ArrayList<>(known.forms());
        for (String text : texts) {
            if (!text.isEmpty() && all.stream().noneMatch(f -> f.text().equals(text))) {
                all.add(new Form(text, text.length() < SHORTEST_ANYWHERE));
            }
        }
        all.sort(Comparator.comparingInt((Form f) -> f.text().length()).reversed());
        known = Known.of(List.copyOf(all));
    }

    /**
     * Registers the password in the user info of {@code url} (and the user info as it stands), when it is a URL
     * with credentials; does nothing for anything else.
     */
    public void registerUrlCredentials(String url) {
        if (url == null || !looksLikeUrlWithUserInfo(url)) {
            return;
        }
        try {
            String raw = new URI(url.strip()).getRawUserInfo();
            if (raw == null) {
                return;
            }
            register(raw);
            int colon = raw.indexOf(':');
            if (colon >= 0) {
                String user = URLDecoder.decode(raw.substring(0, colon), StandardCharsets.UTF_8);
                registerBasicCredentials(user, URLDecoder.decode(raw.substring(colon + 1), StandardCharsets.UTF_8));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a URL: the text masking of user info still applies wherever it is printed
        }
    }

    /**
     * Whether {@code text} is one URL with user info ({@code scheme://…@…}, no white space): checked before parsing,
     * so that ticket text full of addresses and links costs a scan, not a parse.
     */
    private static boolean looksLikeUrlWithUserInfo(String text) {
        if (!text.contains("://")) {
            return false;
        }
        String url = text.strip();
        int scheme = url.indexOf("://");
        if (scheme <= 0 || url.indexOf('@', scheme) < 0) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || i < scheme && !(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether no secret is registered, so {@link #redact} changes nothing. */
    public boolean isEmpty() {
        return known.forms().isEmpty();
    }

    /** {@code text} with every known secret, in any of its forms, replaced by {@value #MARKER}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Known now = known;
        String out = text;
        if (!now.forms().isEmpty() && now.anyIn(text)) {
            for (Form form : now.forms()) {
                out = cut(out, form);
            }
        }
        return out.contains("://") ? URL_USER_INFO.matcher(out).replaceAll("$1" + MARKER + "@") : out;
    }

    /**
     * {@code value} with every text in it redacted: strings, and the keys and values of maps and lists, deeply. A
     * value with nothing to redact in it comes back as the same object (a map's keys must be strings for that), so
     * a caller can tell by identity that it holds no secret.
     */
    public Object redact(Object value) {
        return switch (value) {
            case String s -> redact(s);
            case Map<?, ?> map -> redactMap(map);
            case Collection<?> items -> {
                List<Object> out = items.stream().map(this::redact).toList();
                yield sameItems(items, out) ? items : out;
            }
            case null, default -> value;
        };
    }

    private Object redactMap(Map<?, ?> map) {
        var out = new LinkedHashMap<String, Object>();
        boolean same = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = redact(String.valueOf(entry.getKey()));
            Object redacted = redact(entry.getValue());
            same &= key == entry.getKey() && redacted == entry.getValue();
            out.put(key, redacted);
        }
        return same ? map : out;
    }

    private static boolean sameItems(Collection<?> items, List<Object> redacted) {
        var each = redacted.iterator();
        for (Object item : items) {
            if (each.next() != item) {
                return false;
            }
        }
        return true;
    }

    private static String cut(String text, Form form) {
        String secret = form.text();
        int at = text.indexOf(secret);
        if (at < 0) {
            return text;
        }
        var out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            if (!form.wholeToken() || standsAlone(text, at, secret)) {
                out.append(text, from, at).append(MARKER);
                from = at + secret.length();
                at = text.indexOf(secret, from);
            } else {
                at = text.indexOf(secret, at + 1);
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean standsAlone(String text, int at, String secret) {
        int end = at + secret.length();
        boolean startFree = !word(secret.charAt(0)) || at == 0 || !word(text.charAt(at - 1));
        boolean endFree = !word(secret.charAt(secret.length() - 1)) || end == text.length() || !word(text.charAt(end));
        return startFree && endFree;
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
