package io.followup.vault.writeback;

import io.followup.vault.writeback.TaskLine.Signifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Edits one task line the way the Obsidian Tasks plugin would (checkbox, ✅/❌/📅… dates, @owner), as a
 * set of small splices on the raw bytes, so that everything the change does not concern, mojibake and
 * trailing spaces included, stays exactly as it was. Pure: no I/O, no clock.
 *
 * <p>Placement: an added date signifier goes where the plugin orders it (created, start, scheduled, due,
 * cancelled, done) relative to date signifiers already there, else at the end of the signifier run, and
 * always before a block id. A changed date keeps the emoji's bytes (a mojibake 📅 stays mojibake; only the
 * date moves); an added one is written as proper UTF-8.
 */
public final class TaskLineEditor {

    private TaskLineEditor() {
    }

    /** The edited line as bytes; empty when {@code line} is not a task line. {@code line} has no terminator. */
    public static Optional<byte[]> edit(byte[] line, LineChange change) {
        return edit(RawText.of(line), change).map(RawText::bytes);
    }

    static Optional<String> edit(String raw, LineChange change) {
        return TaskLine.parse(raw).map(line -> apply(line, change));
    }

    private record Splice(int start, int end, String text, int order) {
    }

    static String apply(TaskLine line, LineChange change) {
        String raw = line.raw();
        List<Splice> splices = new ArrayList<>();
        if (change.statusSymbol() != null && !change.statusSymbol().equals(raw.substring(line.statusStart(), line.statusEnd()))) {
            splices.add(new Splice(line.statusStart(), line.statusEnd(), RawText.utf8(change.statusSymbol()), 0));
        }
        if (change.owner().change()) {
            splices.add(ownerSplice(line, change.owner().value()));
        }
        List<Signifier> removed = new ArrayList<>();
        List<SignifierKind> added = new ArrayList<>();
        for (SignifierKind kind : SignifierKind.values()) {
            Edit<LocalDate> edit = change.date(kind);
            if (!kind.isDate() || !edit.change()) {
                continue;
            }
            Optional<Signifier> existing = line.first(kind);
            if (existing.isPresent() && edit.value() == null) {
                removed.add(existing.get());
                splices.add(removal(raw, line, existing.get()));
            } else if (existing.isPresent()) {
                Signifier s = existing.get();
                if (!s.value(raw).equals(edit.value().toString())) {
                    splices.add(new Splice(s.valueStart(), s.valueEnd(), edit.value().toString(), 0));
                }
            } else if (edit.value() != null) {
                added.add(kind);
            }
        }
        for (SignifierKind kind : added) {
            splices.add(insertion(line, kind, change.date(kind).value(), removed));
        }
        if (change.nextInstance() && line.blockIdStart() >= 0) {
            splices.add(new Splice(line.runEnd(), line.blockIdEnd(), "", 99));
        }
        if (change.nextInstance()) {
            line.signifiers().stream().filter(s -> s.kind() == SignifierKind.ID || s.kind() == SignifierKind.DEPENDS_ON)
                    .forEach(s -> splices.add(removal(raw, line, s)));
        }
        return compose(raw, splices);
    }

    /**
     * Replaces the owner mention that ends the description; a description without one, or whose last mention
     * is in mid-sentence ("ask @Lior about it"), keeps all its words and gets the new owner as a last mention.
     */
    private static Splice ownerSplice(TaskLine line, String owner) {
        int at = line.trailingMentionStart();
        String mention = owner == null || owner.isBlank() ? "" : "@" + RawText.utf8(owner.strip());
        if (at < 0) {
            return new Splice(line.descriptionEnd(), line.descriptionEnd(), mention.isEmpty() ? "" : " " + mention, 0);
        }
        int from = mention.isEmpty() && at > line.bodyStart() ? at - 1 : at;
        return new Splice(from, line.descriptionEnd(), mention, 0);
    }

    /** Removes a signifier with the space before it, so "a ✅ 2025-01-02 ^id" becomes "a ^id". */
    private static Splice removal(String raw, TaskLine line, Signifier s) {
        int from = s.start();
        if (from > line.bodyStart() && (raw.charAt(from - 1) == ' ' || raw.charAt(from - 1) == '\t')) {
            from--;
        }
        return new Splice(from, s.end(), "", 0);
    }

    private static Splice insertion(TaskLine line, SignifierKind kind, LocalDate date, List<Signifier> removed) {
        String text = RawText.utf8(kind.canonicalEmoji()) + " " + date;
        Optional<Signifier> before = line.signifiers().stream()
                .filter(s -> s.kind().isDate() && s.kind().order > kind.order && !removed.contains(s))
                .min(Comparator.comparingInt(Signifier::start));
        if (before.isPresent()) {
            return new Splice(before.get().start(), before.get().start(), text + " ", kind.order);
        }
        return new Splice(line.runEnd(), line.runEnd(), " " + text, kind.order);
    }

    private static String compose(String raw, List<Splice> splices) {
        splices.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::order));
        StringBuilder out = new StringBuilder(raw.length() + 32);
        int pos = 0;
        for (Splice s : splices) {
            if (s.start() < pos) {
                throw new IllegalStateException("overlapping edits at " + s.start() + " in a task line");
            }
            out.append(raw, pos, s.start()).append(s.text());
            pos = s.end();
        }
        return out.append(raw, pos, raw.length()).toString();
    }
}
