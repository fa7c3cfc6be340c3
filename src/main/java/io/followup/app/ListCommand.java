package io.followup.app;

import io.followup.model.Task;
import io.followup.store.Database;
import io.followup.store.NoteStore;
import io.followup.store.TaskStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code followup list}: every distinct task, as a table or as JSON. */
@Command(name = "list", description = "List the tasks in the store (run `followup ingest` first).")
public final class ListCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(names = "--owner", paramLabel = "NAME", description = "Only this owner's tasks (case ignored).")
    String owner;

    @Option(names = "--status", paramLabel = "STATUS", description = "open, in_progress, proposed, done or cancelled.")
    String status;

    @Option(names = "--meeting", paramLabel = "ID", description = "Only the tasks of this meeting.")
    String meeting;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Config config = options.config();
        Database db = StoreAccess.openExisting(config.db());
        if (db == null) {
            spec.commandLine().getErr().println(StoreAccess.INGEST_FIRST);
            return 1;
        }
        try (db) {
            if (new NoteStore(db).count() == 0 && new TaskStore(db).count() == 0) {
                spec.commandLine().getErr().println(StoreAccess.INGEST_FIRST);
                return 1;
            }
            List<Task> tasks = new TaskStore(db).all().stream().filter(this::wanted).toList();
            out.println(json ? TaskJson.tasks(tasks) : TaskTable.render(tasks));
            out.flush();
            return 0;
        }
    }

    private boolean wanted(Task t) {
        if (owner != null && !owner.equalsIgnoreCase(t.owner() == null ? "" : t.owner())
                && !owner.equalsIgnoreCase(t.ownerRaw() == null ? "" : t.ownerRaw())) {
            return false;
        }
        if (status != null && !t.status().jsonName().equals(status.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'))) {
            return false;
        }
        return meeting == null || (t.meeting() != null && t.meeting().id().equalsIgnoreCase(meeting.strip()));
    }
}
