package io.followup.app;

import io.followup.ingest.IngestException;
import io.followup.ingest.IngestReport;
import io.followup.ingest.Ingester;
import io.followup.store.Database;
import io.followup.store.WritebackStore;
import io.followup.vault.Warning;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code followup ingest}: reads the vault into the store and says what it found. */
@Command(name = "ingest", description = "Read the vault into the store (unchanged files are not read again).")
public final class IngestCommand implements Callable<Integer> {

    /** Exit code when the vault cannot be read. */
    static final int BAD_VAULT = 2;

    @Mixin
    ConfigOptions options;

    @Option(names = "--full", description = "Merge every note again (owners resolved afresh, e.g. after the people file changed).")
    boolean full;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config config = options.config();
        Optional<String> problem = Ingester.vaultProblem(config.vault());
        if (problem.isPresent()) {
            spec.commandLine().getErr().println("followup: " + problem.get());
            return BAD_VAULT;
        }
        try (Database db = StoreAccess.open(config.db())) {
            IngestReport report = Wiring.ingester(config, db).ingest(ProgressBar.forConsole(), full);
            print(report, spec.commandLine().getOut());
            java.time.Clock clock = Wiring.clock(config);
            int written = Wiring.pendingWrites(db, Wiring.writeBack(config, db, clock), clock).retry();
            printPending(written, new WritebackStore(db).pending().size(), spec.commandLine().getOut());
            return 0;
        } catch (IngestException e) {
            spec.commandLine().getErr().println("followup: " + e.getMessage());
            return BAD_VAULT;
        }
    }

    /** Says what happened to chat changes that were waiting for their notes (nothing when there were none). */
    static void printPending(int written, int stillPending, PrintWriter out) {
        if (written > 0) {
            out.printf("%d chat change%s written to the notes%n", written, written == 1 ? "" : "s");
        }
        if (stillPending > 0) {
            out.printf("%d chat change%s not yet in the notes (write-back off, or note read-only or changed); kept in Followup%n",
                    stillPending, stillPending == 1 ? "" : "s");
        }
        out.flush();
    }

    static void print(IngestReport r, PrintWriter out) {
        out.printf("%d notes (%d parsed, %d unchanged, %d deleted), %d meetings, %d tasks, %d warnings (%.1fs)%n",
                r.notes(), r.parsed(), r.skippedUnchanged(), r.deleted(), r.meetings(), r.tasks(), r.warnings().size(),
                r.took().toMillis() / 1000.0);
        for (Warning w : r.warnings()) {
            out.println("warning: " + w);
        }
        out.flush();
    }
}
