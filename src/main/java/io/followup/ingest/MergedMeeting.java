package io.followup.ingest;

import io.followup.vault.ParsedNote;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One meeting: the notes (same date) that captured it and its distinct tasks. */
public record MergedMeeting(List<ParsedNote> notes, List<MergedTask> tasks) {

    public MergedMeeting {
        notes = notes.stream().sorted(Comparator.comparing(ParsedNote::path)).toList();
        tasks = List.copyOf(tasks);
    }

    public List<String> paths() {
        return notes.stream().map(ParsedNote::path).toList();
    }

    public LocalDate date() {
        return notes.get(0).date();
    }

    /** The most descriptive title: the one with the fewest numbers in it (pipeline titles are dates and times). */
    public String title() {
        return notes.stream().map(ParsedNote::title)
                .min(Comparator.comparingLong(MergedMeeting::digitWords)).orElse("");
    }

    private static long digitWords(String title) {
        if (title == null || title.isBlank()) {
            return Long.MAX_VALUE;
        }
        return java.util.Arrays.stream(TaskText.normalize(title).split(" ")).filter(w -> w.chars().anyMatch(Character::isDigit)).count();
    }

    /** Everyone listed in any of the notes, first spelling kept. */
    public List<String> participants() {
        return unionParticipants(notes);
    }

    static List<String> unionParticipants(List<ParsedNote> notes) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (ParsedNote n : notes) {
            for (String p : n.participants()) {
                if (p != null && !p.isBlank()) {
                    byKey.putIfAbsent(TaskText.normalize(p), p.strip());
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    /** Per section, the fullest text any note has. */
    public Map<String, String> sections() {
        return mergeSections(notes.stream().map(ParsedNote::sections).toList());
    }

    /** Per section, the fullest text of the given notes' sections (in note order). */
    public static Map<String, String> mergeSections(List<Map<String, String>> perNote) {
        return io.followup.store.MeetingStore.mergeSections(perNote);
    }

    /** Every distinct section text of every note, for full-text search. */
    public String searchBody() {
        Set<String> texts = new LinkedHashSet<>();
        for (ParsedNote n : notes) {
            n.sections().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue).filter(v -> v != null && !v.isBlank()).forEach(texts::add);
        }
        return String.join("\n\n", new ArrayList<>(texts));
    }
}
