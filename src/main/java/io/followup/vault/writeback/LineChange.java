package io.followup.vault.writeback;

import java.time.LocalDate;

/**
 * What to change on one task line; every field left at {@link Edit#keep()} stays byte for byte.
 * {@code statusSymbol} null keeps the checkbox; {@code owner} is the name written after the {@code @};
 * {@code nextInstance} is for a recurring task's next instance, which must not repeat the block id nor
 * the plugin's 🆔 id and ⛔ depends-on fields (the plugin clears them too: ids must stay unique).
 */
public record LineChange(
        String statusSymbol,
        Edit<LocalDate> done,
        Edit<LocalDate> cancelled,
        Edit<LocalDate> due,
        Edit<LocalDate> scheduled,
        Edit<LocalDate> start,
        Edit<LocalDate> created,
        Edit<String> owner,
        boolean nextInstance) {

    public static LineChange none() {
        return new LineChange(null, Edit.keep(), Edit.keep(), Edit.keep(), Edit.keep(), Edit.keep(), Edit.keep(),
                Edit.keep(), false);
    }

    public LineChange status(String symbol) {
        return new LineChange(symbol, done, cancelled, due, scheduled, start, created, owner, nextInstance);
    }

    public LineChange done(LocalDate d) {
        return new LineChange(statusSymbol, Edit.to(d), cancelled, due, scheduled, start, created, owner, nextInstance);
    }

    public LineChange cancelled(LocalDate d) {
        return new LineChange(statusSymbol, done, Edit.to(d), due, scheduled, start, created, owner, nextInstance);
    }

    public LineChange due(LocalDate d) {
        return new LineChange(statusSymbol, done, cancelled, Edit.to(d), scheduled, start, created, owner, nextInstance);
    }

    public LineChange scheduled(LocalDate d) {
        return new LineChange(statusSymbol, done, cancelled, due, Edit.to(d), start, created, owner, nextInstance);
    }

    public LineChange start(LocalDate d) {
        return new LineChange(statusSymbol, done, cancelled, due, scheduled, Edit.to(d), created, owner, nextInstance);
    }

    public LineChange created(LocalDate d) {
        return new LineChange(statusSymbol, done, cancelled, due, scheduled, start, Edit.to(d), owner, nextInstance);
    }

    public LineChange owner(String name) {
        return new LineChange(statusSymbol, done, cancelled, due, scheduled, start, created, Edit.to(name), nextInstance);
    }

    public LineChange asNextInstance() {
        return new LineChange(statusSymbol, done, cancelled, due, scheduled, start, created, owner, true);
    }

    Edit<LocalDate> date(SignifierKind kind) {
        return switch (kind) {
            case DONE -> done;
            case CANCELLED -> cancelled;
            case DUE -> due;
            case SCHEDULED -> scheduled;
            case START -> start;
            case CREATED -> created;
            default -> Edit.keep();
        };
    }
}
