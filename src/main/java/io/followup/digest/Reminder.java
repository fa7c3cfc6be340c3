package io.followup.digest;

import io.followup.model.OwnerKind;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one owner is reminded of: their open tasks overdue, due today and due tomorrow. A team's reminder
 * goes to {@code teamChannel} (null when the people file names no channel for it).
 */
public record Reminder(String owner, OwnerKind ownerKind, String teamChannel,
                       List<Digest.Item> overdue, List<Digest.Item> dueToday, List<Digest.Item> dueTomorrow) {

    public Reminder {
        overdue = List.copyOf(overdue);
        dueToday = List.copyOf(dueToday);
        dueTomorrow = List.copyOf(dueTomorrow);
    }

    public boolean isTeam() {
        return ownerKind == OwnerKind.TEAM;
    }

    public int count() {
        return overdue.size() + dueToday.size() + dueTomorrow.size();
    }

    public List<Digest.Item> all() {
        return Stream.of(overdue, dueToday, dueTomorrow).flatMap(List::stream).toList();
    }
}
