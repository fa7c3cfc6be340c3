package io.followup.digest;

import io.followup.model.OwnerKind;
import io.followup.model.Task;
import java.time.LocalDate;
import java.util.List;

/** Today's channel digest (sections of tasks grouped by owner) and the reminders owners get privately. */
public record Digest(LocalDate today, int lookaheadDays, List<Section> sections, List<Reminder> reminders) {

    public Digest {
        sections = List.copyOf(sections);
        reminders = List.copyOf(reminders);
    }

    /** The digest's parts, in the order they are shown. */
    public enum SectionKind {
        OVERDUE, DUE_TODAY, UPCOMING, PROPOSED, UNASSIGNED
    }

    /** One task in a digest; {@code daysFromToday} is negative when late, null without a due date. */
    public record Item(Task task, Integer daysFromToday) {

        public int daysLate() {
            return daysFromToday == null ? 0 : Math.max(0, -daysFromToday);
        }
    }

    /** The items of one owner (owner null: unassigned), in due-date order. */
    public record Group(String owner, OwnerKind ownerKind, List<Item> items) {

        public Group {
            items = List.copyOf(items);
        }

        public int count() {
            return items.size();
        }
    }

    /** A non-empty section of the digest. */
    public record Section(SectionKind kind, List<Group> groups) {

        public Section {
            groups = List.copyOf(groups);
        }

        public int count() {
            return groups.stream().mapToInt(Group::count).sum();
        }
    }

    /** True when the channel digest has nothing to show. */
    public boolean isEmpty() {
        return sections.isEmpty();
    }

    public int count(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).mapToInt(Section::count).sum();
    }

    public int count() {
        return sections.stream().mapToInt(Section::count).sum();
    }
}
