package io.followup.vault.writeback;

import io.followup.model.TaskStatus;
import io.followup.store.WritebackStore.State;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Decides what one source line must change to go from {@code base} to {@code target}: only fields the
 * change concerns, and only when the line does not say it already. A task merged from two notes whose
 * lines disagree on something else (one has a due date, one not) keeps that difference, and applying the
 * same change twice (a retry) writes nothing the second time.
 */
final class ChangePlan {

    private ChangePlan() {
    }

    static LineChange forLine(State base, State target, TaskLine line, LocalDate today) {
        LineChange change = LineChange.none();
        if (base.status() != target.status() && line.status() != target.status()) {
            change = change.status(symbolFor(target));
            boolean hasDone = line.first(SignifierKind.DONE).isPresent();
            boolean hasCancelled = line.first(SignifierKind.CANCELLED).isPresent();
            if (target.status() == TaskStatus.DONE) {
                change = change.done(target.done() == null ? today : target.done());
                if (hasCancelled) {
                    change = change.cancelled(null);
                }
            } else if (target.status() == TaskStatus.CANCELLED) {
                if (target.cancelled() != null) {
                    change = change.cancelled(target.cancelled());
                }
                if (hasDone) {
                    change = change.done(null);
                }
            } else {
                if (hasDone) {
                    change = change.done(null);
                }
                if (hasCancelled) {
                    change = change.cancelled(null);
                }
            }
        }
        if (!Objects.equals(base.due(), target.due())) {
            change = change.due(target.due());
        }
        if (!Objects.equals(base.scheduled(), target.scheduled())) {
            change = change.scheduled(target.scheduled());
        }
        if (!Objects.equals(base.start(), target.start())) {
            change = change.start(target.start());
        }
        // the resolved name when the owner changed: it resolves back to the same person on the next ingest
        if (!Objects.equals(base.owner(), target.owner())) {
            change = change.owner(target.owner() != null ? target.owner() : target.ownerRaw());
        } else if (!Objects.equals(base.ownerRaw(), target.ownerRaw()) && target.ownerRaw() != null) {
            change = change.owner(target.ownerRaw());
        }
        return change;
    }

    /** True when completing this line should add the recurring task's next instance above it. */
    static boolean makesNextInstance(State base, State target, TaskLine line) {
        return base.status() != target.status() && target.status() == TaskStatus.DONE
                && line.status() != TaskStatus.DONE && line.recurrence().isPresent();
    }

    /** The task's own symbol when it means the target status (keeps a custom one), else the standard one. */
    static String symbolFor(State target) {
        String own = target.statusSymbol();
        return own != null && !own.isEmpty() && TaskStatus.fromSymbol(own) == target.status() && own.strip().length() == 1
                ? own.strip() : target.status().symbol();
    }
}
