package io.followup.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A meeting: one or more notes of the same date that capture it. {@code sections} maps a section name
 * (summary, decisions, key_facts, outcomes, risks, open_questions, transcript) to its text.
 */
public record Meeting(
        String id,
        String title,
        LocalDate date,
        List<String> participants,
        List<SourceRef> sources,
        List<String> taskIds,
        Map<String, String> sections) {

    public Meeting {
        participants = List.copyOf(participants);
        sources = List.copyOf(sources);
        taskIds = List.copyOf(taskIds);
        sections = Map.copyOf(sections);
    }
}
