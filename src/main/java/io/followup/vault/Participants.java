package io.followup.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects a note's participants from front matter, an Attendees line, entities.people and person. */
final class Participants {

    /** Runs of whitespace; compiled once (String.replaceAll compiles its pattern on every call). */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Participants() {
    }

    static List<String> of(FrontMatter fm, String attendeesLine) {
        Map<String, String> byKey = new LinkedHashMap<>();
        List<String> listed = fm.texts("participants");
        if (listed.size() == 1 && listed.get(0).contains(",")) {
            listed = split(listed.get(0));
        }
        if (listed.stream().allMatch(FrontMatter::isPlaceholder) && attendeesLine != null) {
            listed = split(attendeesLine);
        }
        listed.forEach(n -> add(byKey, n));
        fm.texts("entities.people").forEach(n -> add(byKey, n));
        fm.texts("person").forEach(n -> add(byKey, n));
        return new ArrayList<>(byKey.values());
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        for (String part : line.split("[,;]")) {
            out.add(part);
        }
        return out;
    }

    private static void add(Map<String, String> byKey, String raw) {
        if (FrontMatter.isPlaceholder(raw)) {
            return;
        }
        String name = raw.strip();
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        if (name.startsWith("[[") && name.endsWith("]]")) {
            name = name.substring(2, name.length() - 2);
            int bar = name.indexOf('|');
            name = bar >= 0 ? name.substring(bar + 1) : name;
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("and ")) {
            name = name.substring(4);
        }
        name = SPACES.matcher(name).replaceAll(" ").strip();
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        if (!name.isEmpty() && name.length() <= 100) {
            byKey.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
    }
}
