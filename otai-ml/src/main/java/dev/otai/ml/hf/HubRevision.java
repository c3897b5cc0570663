package dev.otai.ml.hf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A hub revision: a branch, tag or commit name such as {@code main}, {@code v1.2}, {@code refs/pr/3} or a commit
 * hash. It becomes one segment of the download URL and folders of the cache path, so only names made of letters,
 * digits, {@code . _ -} in {@code /}-separated parts are accepted; {@code ..}, empty parts, leading dots and control
 * characters are refused, so a revision can neither reach another URL nor leave the cache directory.
 */
final class HubRevision {

    static final String EXPECTED = "a branch, tag or commit name such as main, v1.0 or refs/pr/3: letters, digits, "
            + "'.', '_' and '-' in parts separated by single '/', each part starting with a letter or digit, "
            + "no '..', at most 200 characters";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private HubRevision() {
    }

    static boolean valid(Object value) {
        if (value == null) {
            return false;
        }
        String text = value.toString();
        return text.length() <= 200 && SHAPE.matcher(text).matches() && !text.contains("..");
    }

    /** The revision as one URL path segment: {@code refs/pr/3} becomes {@code refs%2Fpr%2F3}, as the hub expects. */
    static String urlSegment(String revision) {
        return URLEncoder.encode(revision, StandardCharsets.UTF_8);
    }
}
