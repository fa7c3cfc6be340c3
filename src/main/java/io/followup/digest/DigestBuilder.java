package io.followup.digest;

import io.followup.digest.Digest.Group;
import io.followup.digest.Digest.Item;
import io.followup.digest.Digest.Section;
import io.followup.digest.Digest.SectionKind;
import io.followup.model.OwnerKind;
import io.followup.model.Priority;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import java.text.Collator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure: open tasks and today become the channel digest and the owners' reminders.
 *
 * <p>Each open task lands in at most one section: a task without owner is UNASSIGNED (with its due date, if
 * any); a proposed task with an owner waits for that owner (PROPOSED); the rest go by due date (OVERDUE,
 * DUE_TODAY, UPCOMING within {@code lookaheadDays}). Tasks without a due date and no such reason are left out.
 * Reminders cover open and in-progress tasks with an owner, due tomorrow or earlier; proposed tasks are
 * not reminded (the owner has not accepted them yet).
 */
public final class DigestBuilder {

    private static final Comparator<Item> BY_DUE = Comparator
            .comparing((Item i) -> i.task().due(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> i.task().priority(), Comparator.nullsLast(Comparator.<Priority>naturalOrder()))
            .thenComparing(i -> i.task().description(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(i -> i.task().id());

    private final LocalDate today;
    private final int lookaheadDays;
    private final Map<String, String> teamChannels;

    public DigestBuilder(LocalDate today, int lookaheadDays) {
        this(today, lookaheadDays, Map.of());
    }

    /** {@code teamChannels} maps a team's name (as tasks carry it in owner) to the channel for its reminders. */
    public DigestBuilder(LocalDate today, int lookaheadDays, Map<String, String> teamChannels) {
        if (lookaheadDays < 0) {
            throw new IllegalArgumentException("lookaheadDays must not be negative: " + lookaheadDays);
        }
        this.today = today;
        this.lookaheadDays = lookaheadDays;
        TreeMap<String, String> channels = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        channels.putAll(teamChannels);
        this.teamChannels = channels;
    }

    /** The digest of {@code tasks} (any mix of open and closed; closed ones never appear). */
    public static Digest build(LocalDate today, int lookaheadDays, Collection<Task> tasks) {
        return new DigestBuilder(today, lookaheadDays).build(tasks);
    }

    public Digest build(Collection<Task> tasks) {
        Map<SectionKind, List<Item>> bySection = new EnumMap<>(SectionKind.class);
        Map<String, List<Item>> remind = new LinkedHashMap<>();
        Map<String, OwnerKind> ownerKinds = new LinkedHashMap<>();
        for (Task task : tasks) {
            if (task.status().isClosed()) {
                continue;
            }
            Item item = new Item(task, task.due() == null ? null : (int) ChronoUnit.DAYS.between(today, task.due()));
            SectionKind kind = sectionOf(item);
            if (kind != null) {
                bySection.computeIfAbsent(kind, k -> new ArrayList<>()).add(item);
            }
            if (isReminded(item)) {
                remind.computeIfAbsent(task.owner(), k -> new ArrayList<>()).add(item);
                ownerKinds.putIfAbsent(task.owner(), task.ownerKind());
            }
        }
        List<Section> sections = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            List<Item> items = bySection.get(kind);
            if (items != null) {
                sections.add(new Section(kind, group(items)));
            }
        }
        List<Reminder> reminders = new ArrayList<>();
        remind.keySet().stream().sorted(ownerOrder()).forEach(owner -> reminders.add(reminder(owner, ownerKinds.get(owner), remind.get(owner))));
        return new Digest(today, lookaheadDays, sections, reminders);
    }

    private SectionKind sectionOf(Item item) {
        Task task = item.task();
        if (task.owner() == null) {
            return SectionKind.UNASSIGNED;
        }
        if (task.status() == TaskStatus.PROPOSED) {
            return SectionKind.PROPOSED;
        }
        Integer days = item.daysFromToday();
        if (days == null) {
            return null;
        }
        if (days < 0) {
            return SectionKind.OVERDUE;
        }
        if (days == 0) {
            return SectionKind.DUE_TODAY;
        }
        return days <= lookaheadDays ? SectionKind.UPCOMING : null;
    }

    private static boolean isReminded(Item item) {
        return isRemindable(item.task()) && item.daysFromToday() != null && item.daysFromToday() <= 1;
    }

    /** Open or in progress, owned and dated: the kind of task a reminder can carry. */
    private static boolean isRemindable(Task task) {
        return task.owner() != null && task.due() != null
                && (task.status() == TaskStatus.OPEN || task.status() == TaskStatus.IN_PROGRESS);
    }

    /**
     * For each person (not team) with a task a reminder can carry, its earliest due date: on their day D they are
     * reminded when it is D + 1 or earlier. The scheduler asks this of the store ({@code TaskStore.earliestRemindableDue})
     * at every tick, to load the open tasks only when someone's reminder is due.
     */
    public static Map<String, LocalDate> earliestRemindableDue(Collection<Task> tasks) {
        Map<String, LocalDate> earliest = new LinkedHashMap<>();
        for (Task task : tasks) {
            if (isRemindable(task) && task.ownerKind() != OwnerKind.TEAM) {
                earliest.merge(task.owner(), task.due(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return earliest;
    }

    private Reminder reminder(String owner, OwnerKind kind, List<Item> items) {
        items.sort(BY_DUE);
        List<Item> overdue = items.stream().filter(i -> i.daysFromToday() < 0).toList();
        List<Item> dueToday = items.stream().filter(i -> i.daysFromToday() == 0).toList();
        List<Item> dueTomorrow = items.stream().filter(i -> i.daysFromToday() == 1).toList();
        String channel = kind == OwnerKind.TEAM ? teamChannels.get(owner) : null;
        return new Reminder(owner, kind, channel, overdue, dueToday, dueTomorrow);
    }

    private static List<Group> group(List<Item> items) {
        Map<String, List<Item>> byOwner = new LinkedHashMap<>();
        List<Item> unowned = new ArrayList<>();
        for (Item item : items) {
            if (item.task().owner() == null) {
                unowned.add(item);
            } else {
                byOwner.computeIfAbsent(item.task().owner(), k -> new ArrayList<>()).add(item);
            }
        }
        List<Group> groups = new ArrayList<>();
        byOwner.keySet().stream().sorted(ownerOrder()).forEach(owner -> {
            List<Item> own = byOwner.get(owner);
            own.sort(BY_DUE);
            groups.add(new Group(owner, own.get(0).task().ownerKind(), own));
        });
        if (!unowned.isEmpty()) {
            unowned.sort(BY_DUE);
            groups.add(new Group(null, null, unowned));
        }
        return groups;
    }

    /** Owners sorted as people read names: accents and case ignored, then exact text for stability. */
    private static Comparator<String> ownerOrder() {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.PRIMARY);
        return Comparator.<String, String>comparing(s -> s, collator).thenComparing(Comparator.naturalOrder());
    }
}
