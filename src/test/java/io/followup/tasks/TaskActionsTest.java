package io.followup.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.followup.ingest.Ingester;
import io.followup.people.People;
import io.followup.model.Task;
import io.followup.model.TaskStatus;
import io.followup.store.Database;
import io.followup.store.LinkStore;
import io.followup.store.TaskChangeStore;
import io.followup.store.TaskEvent;
import io.followup.store.TaskStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task actions on a real SQLite file with the real migrations, fed by the real ingest. */
class TaskActionsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);
    static final Actor TOMAS = new Actor("U0TOMAS", "Tomas Ortega", false);
    static final Actor PRIYA = new Actor("U0PRIYA", "Priya Raman", false);
    static final Actor ADMIN = new Actor("U0ADA", null, true);

    @TempDir
    Path dir;
    Database db;
    TaskStore tasks;
    TaskChangeStore changes;
    List<Task[]> written = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Files.writeString(vault.resolve("2026-02-25 Sync.md"), String.join("\n", "---", "title: Sync", "date: 2026-02-25", "---",
                "- [ ] Send the contract @Tomás Ortega \uD83D\uDCC5 2026-03-01",
                "- [?] Try a second carrier @Tomás Ortega",
                "- [ ] Renew the warehouse lease",
                "- [ ] Water the plants @Tomás Ortega \uD83D\uDD01 every week \uD83D\uDCC5 2026-03-03",
                "- [ ] Pay the invoices @Tomás Ortega \uD83D\uDD01 every month on the 1st and 15th \uD83D\uDCC5 2026-03-01", ""));
        db = Database.open(dir.resolve("f.db"));
        new Ingester(vault, db, People.empty(), CLOCK).ingest();
        tasks = new TaskStore(db);
        changes = new TaskChangeStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private TaskActions actions(TaskWriter writer) {
        return new TaskActions(tasks, changes, writer, CLOCK);
    }

    private String id(String start) {
        return tasks.all().stream().filter(t -> t.description().startsWith(start)).findFirst().orElseThrow().id();
    }

    @Test
    void owner_names_match_ignoring_accents_and_case() {
        ActionResult r = actions(TaskWriter.DISABLED).complete(TOMAS, id("Send the contract"), "test");
        assertEquals(ActionResult.Kind.CHANGED, r.kind(), r.message());
        assertEquals(LocalDate.parse("2026-03-04"), r.task().done());
    }

    @Test
    void completing_a_task_whose_recurrence_has_no_computable_next_date_says_no_next_instance_was_added() throws Exception {
        TaskWriter notes = new io.followup.vault.writeback.WriteBack(dir.resolve("vault"), true, new io.followup.store.WritebackStore(db), CLOCK);
        ActionResult odd = actions(notes).complete(TOMAS, id("Pay the invoices"), "test");
        assertEquals(ActionResult.Kind.CHANGED, odd.kind(), odd.message());
        assertTrue(odd.message().contains("No next instance was added") && odd.message().contains("every month on the 1st and 15th"),
                odd.message());
        ActionResult weekly = actions(notes).complete(TOMAS, id("Water the plants"), "test");
        assertFalse(weekly.message().contains("No next instance"), weekly.message());
        String note = Files.readString(dir.resolve("vault/2026-02-25 Sync.md"));
        assertTrue(note.contains("- [x] Pay the invoices") && note.contains("- [ ] Water the plants @Tomás Ortega \uD83D\uDD01 every week \uD83D\uDCC5 2026-03-10"),
                note);
    }

    @Test
    void a_reassigned_task_is_found_by_its_new_owners_name_and_no_longer_by_the_old_one() {
        String id = id("Send the contract");
        assertEquals(List.of(id), tasks.search("tomás contract", 5).stream().map(t -> t.id()).toList());
        ActionResult r = actions(TaskWriter.DISABLED).reassign(TOMAS, id, "Priya Raman", "test");
        assertEquals(ActionResult.Kind.CHANGED, r.kind(), r.message());
        assertEquals(List.of(id), tasks.search("priya contract", 5).stream().map(t -> t.id()).toList());
        assertEquals(List.of(), tasks.search("tomás contract", 5).stream().map(t -> t.id()).toList());
    }

    @Test
    void completing_someone_elses_task_is_refused() {
        String id = id("Send the contract");
        ActionResult r = actions(TaskWriter.DISABLED).complete(PRIYA, id, "test");
        assertEquals(ActionResult.Kind.REFUSED, r.kind());
        assertEquals(TaskStatus.OPEN, tasks.byId(id).orElseThrow().status());
        assertTrue(changes.history(id).isEmpty());
    }

    @Test
    void an_unlinked_admin_may_act() {
        assertTrue(actions(TaskWriter.DISABLED).snooze(ADMIN, id("Send the contract"), LocalDate.parse("2026-03-10"), "t").changed());
    }

    @Test
    void the_writer_gets_before_and_after_and_pending_follows_its_outcome() {
        String id = id("Send the contract");
        TaskWriter recording = (before, after) -> {
            written.add(new Task[] {before, after});
            return new WriteResult(WriteResult.Outcome.WRITTEN, "ok");
        };
        ActionResult r = actions(recording).complete(TOMAS, id, "test");
        assertEquals(TaskStatus.OPEN, written.get(0)[0].status());
        assertEquals(TaskStatus.DONE, written.get(0)[1].status());
        assertFalse(r.task().writebackPending());
        actions(TaskWriter.DISABLED).reopen(TOMAS, id, "test");
        assertTrue(tasks.byId(id).orElseThrow().writebackPending(), "DISABLED leaves the change pending");
    }

    @Test
    void the_change_is_saved_as_pending_before_the_note_is_written() {
        String id = id("Send the contract");
        List<Task> seenByWriter = new ArrayList<>();
        TaskWriter notes = new io.followup.vault.writeback.WriteBack(dir.resolve("vault"), true, new io.followup.store.WritebackStore(db), CLOCK);
        ActionResult r = actions((before, after) -> {
            seenByWriter.add(tasks.byId(id).orElseThrow());
            return notes.apply(before, after);
        }).complete(TOMAS, id, "test");
        assertEquals(TaskStatus.DONE, seenByWriter.get(0).status());
        assertTrue(seenByWriter.get(0).writebackPending(), "an ingest meanwhile keeps the chat change");
        assertFalse(tasks.byId(id).orElseThrow().writebackPending(), "cleared once written (by the write-back)");
        assertFalse(r.task().writebackPending());
        assertFalse(r.message().contains("not written"), r.message());
    }

    @Test
    void an_answer_says_when_the_note_was_not_written() {
        String id = id("Send the contract");
        ActionResult off = actions(TaskWriter.DISABLED).complete(TOMAS, id, "test");
        assertTrue(off.message().contains("the note was not written because write-back is off"), off.message());
        ActionResult readOnly = actions((b, a) -> new WriteResult(WriteResult.Outcome.PENDING, "x", "notes/a.md is read-only"))
                .reopen(TOMAS, id, "test");
        assertTrue(readOnly.message().contains("the note was not written (notes/a.md is read-only) — it will be written when possible"),
                readOnly.message());
        assertTrue(readOnly.task().writebackPending());
    }

    @Test
    void anyone_linked_may_claim_an_unassigned_task_but_not_an_owned_one() {
        String lease = id("Renew the warehouse lease");
        ActionResult claimed = actions(TaskWriter.DISABLED).claim(PRIYA, lease, "test");
        assertEquals(ActionResult.Kind.CHANGED, claimed.kind(), claimed.message());
        assertEquals("Priya Raman", tasks.byId(lease).orElseThrow().owner());
        assertEquals("claim", changes.history(lease).get(0).action());

        String contract = id("Send the contract");
        assertEquals(ActionResult.Kind.REFUSED, actions(TaskWriter.DISABLED).claim(PRIYA, contract, "test").kind());
        assertEquals(ActionResult.Kind.REFUSED, actions(TaskWriter.DISABLED).claim(new Actor("U9", null, false), lease, "t").kind());
        assertEquals(ActionResult.Kind.CHANGED,
                actions(TaskWriter.DISABLED).claim(new Actor("U0ADA", "Ada Kowalski", true), contract, "test").kind());
        assertEquals("Ada Kowalski", tasks.byId(contract).orElseThrow().owner());
    }

    @Test
    void a_failing_writer_keeps_the_saved_change_and_marks_it_pending() {
        String id = id("Send the contract");
        ActionResult r = actions((b, a) -> {
            throw new IllegalStateException("disk full");
        }).complete(TOMAS, id, "test");
        assertTrue(r.changed());
        assertEquals(TaskStatus.DONE, tasks.byId(id).orElseThrow().status());
        assertTrue(tasks.byId(id).orElseThrow().writebackPending());
    }

    @Test
    void repeating_an_action_changes_nothing_more() {
        String id = id("Send the contract");
        TaskActions a = actions(TaskWriter.DISABLED);
        a.complete(TOMAS, id, "one");
        ActionResult again = a.complete(TOMAS, id, "two");
        assertEquals(ActionResult.Kind.UNCHANGED, again.kind());
        assertEquals(1, changes.history(id).size());
        assertEquals(ActionResult.Kind.UNCHANGED, a.accept(TOMAS, id, "three").kind(), "a done task is not proposed");
    }

    @Test
    void a_change_based_on_a_stale_read_is_not_saved() {
        String id = id("Send the contract");
        Task before = tasks.byId(id).orElseThrow();
        actions(TaskWriter.DISABLED).snooze(TOMAS, id, LocalDate.parse("2026-03-20"), "first");
        Task stale = new Task(before.id(), before.description(), "Someone", before.ownerRaw(), before.ownerKind(), TaskStatus.DONE, "x",
                before.due(), null, null, null, LocalDate.parse("2026-03-04"), null, null, null, List.of(), null, null, before.sources(), false);
        assertFalse(changes.apply(before, stale, TaskEvent.of(id, CLOCK.instant(), "U1", "complete", null, null)));
        assertEquals(LocalDate.parse("2026-03-20"), tasks.byId(id).orElseThrow().due());
        assertEquals(1, changes.history(id).size());
    }

    @Test
    void proposed_tasks_are_accepted_or_declined() {
        String id = id("Try a second");
        TaskActions a = actions(TaskWriter.DISABLED);
        ActionResult declined = a.decline(TOMAS, id, "x");
        assertEquals(TaskStatus.CANCELLED, declined.task().status());
        assertEquals(LocalDate.parse("2026-03-04"), declined.task().cancelled());
        assertEquals(ActionResult.Kind.INVALID, a.snooze(TOMAS, id, LocalDate.parse("2026-03-09"), "x").kind());
        assertEquals(TaskStatus.OPEN, a.reopen(TOMAS, id, "x").task().status());
    }

    @Test
    void snoozing_into_the_past_is_invalid() {
        assertEquals(ActionResult.Kind.INVALID,
                actions(TaskWriter.DISABLED).snooze(TOMAS, id("Send"), LocalDate.parse("2026-03-01"), "x").kind());
    }

    @Test
    void admin_links_are_not_replaced_by_automatic_ones_and_request_keys_claim_once() {
        LinkStore links = new LinkStore(db);
        links.link(new LinkStore.Link("U1", "Maren Holt", "admin", "U0ADA", CLOCK.instant()));
        links.link(new LinkStore.Link("U1", "Someone Else", "directory", null, CLOCK.instant()));
        assertEquals("Maren Holt", links.linkOf("U1").orElseThrow().person());
        assertEquals(List.of("U1"), links.usersOf("maren holt"));
        assertTrue(links.claim("act:U1:1.1", CLOCK.instant()));
        assertFalse(links.claim("act:U1:1.1", CLOCK.instant()));
        assertEquals(1, links.forgetKeysBefore(CLOCK.instant().plusSeconds(1)));
    }
}
