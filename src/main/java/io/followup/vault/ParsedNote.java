package io.followup.vault;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything Followup takes from one note. {@code meeting} is false for project pages and undated
 * notes (their tasks still count). Section keys: summary, key_facts, outcomes, decisions, risks,
 * open_questions, transcript.
 */
public record ParsedNote(
        String path,
        String title,
        LocalDate date,
        String type,
        boolean meeting,
        List<String> participants,
        Map<String, String> sections,
        List<ParsedTask> tasks,
        List<Warning> warnings) {

    public ParsedNote {
        participants = List.copyOf(participants);
        sections = Map.copyOf(sections);
        tasks = List.copyOf(tasks);
        warnings = List.copyOf(warnings);
    }
}
