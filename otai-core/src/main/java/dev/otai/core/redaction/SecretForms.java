package dev.otai.core.redaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ways a secret shows up in text that left otai or came back from a server: as is, URL-encoded (form style
 * with {@code +}, with {@code %20}, RFC 3986 strict, lenient as {@link java.net.URI} quotes, each with upper- and
 * lower-case hex), JSON-escaped (plain, with {@code \/}, ASCII-only, twice), HTML-escaped, and base64 (standard
 * and URL-safe, with and without padding, and the stable middle of its encoding at the other two byte
 * alignments, which is what appears when the secret sits inside a longer encoded text).
 */
final class SecretForms {

    /** Base64 middles shorter than this are not used: too short to be told apart from unrelated text. */
    static final int SHORTEST_BASE64_MIDDLE = 8;

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String URI_LEGAL = UNRESERVED + "!$&'()*+,;=:@/?";

    private SecretForms() {
    }

    /** Every form of {@code secret}, without duplicates. */
    static Set<String> of(String secret) {
        var forms = new LinkedHashSet<String>();
        forms.add(secret);
        for (String url : List.of(formEncoded(secret), formEncoded(secret).replace("+", "%20"),
                percentEncoded(secret, UNRESERVED), percentEncoded(secret, URI_LEGAL))) {
            forms.add(url);
            forms.add(lowerHex(url));
        }
        String json = jsonEscaped(secret, false);
        forms.add(json);
        forms.add(json.replace("/", "\\/"));
        forms.add(jsonEscaped(secret, true));
        forms.add(lowerUnicodeEscapes(jsonEscaped(secret, true)));
        forms.add(jsonEscaped(json, false));
        forms.add(htmlEscaped(secret));
        forms.addAll(base64(secret.getBytes(StandardCharsets.UTF_8)));
        forms.remove("");
        return forms;
    }

    /** The base64 forms of {@code user:password} as HTTP Basic authentication sends them. */
    static Set<String> basicCredentials(String user, String password) {
        byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        var forms = new LinkedHashSet<String>();
        forms.add(Base64.getEncoder().encodeToString(pair));
        forms.add(Base64.getUrlEncoder().encodeToString(pair));
        return forms;
    }

    private static Set<String> base64(byte[] bytes) {
        var forms = new LinkedHashSet<String>();
        String standard = Base64.getEncoder().encodeToString(bytes);
        forms.add(standard);
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        for (int shift = 0; shift < 3; shift++) {
            String middle = middle(bytes, shift);
            if (middle.length() >= SHORTEST_BASE64_MIDDLE) {
                forms.add(middle);
                forms.add(middle.replace('+', '-').replace('/', '_'));
            }
        }
        return forms;
    }

    /**
     * The characters of the base64 encoding of {@code shift} unknown bytes followed by {@code bytes} that depend
     * only on {@code bytes}: the groups holding an unknown byte or the open end are left out.
     */
    private static String middle(byte[] bytes, int shift) {
        byte[] shifted = new byte[shift + bytes.length];
        System.arraycopy(bytes, 0, shifted, shift, bytes.length);
        int wholeGroups = shifted.length / 3;
        String encoded = Base64.getEncoder().encodeToString(shifted);
        int from = shift == 0 ? 0 : 4;
        int to = wholeGroups * 4;
        return from < to ? encoded.substring(from, to) : "";
    }

    private static String formEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String percentEncoded(String text, String keep) {
        var out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && keep.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String lowerHex(String encoded) {
        var out = new StringBuilder(encoded);
        for (int i = 0; i + 2 < out.length(); i++) {
            if (out.charAt(i) == '%') {
                out.setCharAt(i + 1, Character.toLowerCase(out.charAt(i + 1)));
                out.setCharAt(i + 2, Character.toLowerCase(out.charAt(i + 2)));
            }
        }
        return out.toString();
    }

    private static String jsonEscaped(String text, boolean asciiOnly) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || asciiOnly && c > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String lowerUnicodeEscapes(String escaped) {
        var out = new StringBuilder(escaped);
        for (int i = 0; i + 5 < out.length(); i++) {
            if (out.charAt(i) == '\\' && out.charAt(i + 1) == 'u') {
                for (int j = i + 2; j < i + 6; j++) {
                    out.setCharAt(j, Character.toLowerCase(out.charAt(j)));
                }
                i += 5;
            } else if (out.charAt(i) == '\\') {
                i++;
            }
        }
        return out.toString();
    }

    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
