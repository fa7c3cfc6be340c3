package io.followup.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what it can of broken front matter: top-level {@code key: value} lines, {@code - item}
 * lists, {@code [a, b]} flow lists and one level of nested keys.
 */
final class LenientYaml {

    private LenientYaml() {
    }

    static Map<String, Object> read(List<String> block, List<FrontMatter.Problem> problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> parent = null;   // the map a nested "  key:" line goes into
        String listKey = null;               // the key a "- item" line goes into
        Map<String, Object> listOwner = out;
        for (int k = 0; k < block.size(); k++) {
            String line = block.get(k);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                if (listKey != null) {
                    addItem(listOwner, listKey, value(trimmed.substring(1).strip()));
                }
                continue;
            }
            int colon = keyColon(trimmed);
            if (colon < 0) {
                continue;
            }
            String key = trimmed.substring(0, colon).strip();
            String raw = trimmed.substring(colon + 1).strip();
            Map<String, Object> target = indented && parent != null ? parent : out;
            if (raw.isEmpty()) {
                listKey = key;
                listOwner = target;
                if (target == out) {
                    Map<String, Object> child = new LinkedHashMap<>();
                    out.put(key, child);
                    parent = child;
                } else {
                    target.put(key, null);
                }
            } else {
                target.put(key, value(raw));
                listKey = null;
                if (target == out) {
                    parent = null;
                }
            }
        }
        return out;
    }

    /** A "key:" followed by nothing or a space; keys are simple words (no quotes, no braces). */
    private static int keyColon(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i > 0 && (i + 1 == s.length() || s.charAt(i + 1) == ' ') ? i : -1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ' ' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static void addItem(Map<String, Object> owner, String key, Object item) {
        Object cur = owner.get(key);
        List<Object> list;
        if (cur instanceof List<?>) {
            list = (List<Object>) cur;
        } else {
            list = new ArrayList<>();
            owner.put(key, list);
        }
        list.add(item);
    }

    private static Object value(String raw) {
        if (raw.startsWith("[") && raw.endsWith("]") && !raw.startsWith("[[")) {
            List<Object> items = new ArrayList<>();
            for (String part : raw.substring(1, raw.length() - 1).split(",")) {
                String p = unquote(part.strip());
                if (!p.isEmpty()) {
                    items.add(p);
                }
            }
            return items;
        }
        return unquote(raw);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith("\"") && s.endsWith("\"")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
