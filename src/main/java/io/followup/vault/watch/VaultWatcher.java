package io.followup.vault.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store in step with the vault: a WatchService over every non-hidden folder (new folders
 * registered as they appear) feeds changed .md paths, gathered for a short quiet period, to
 * {@link VaultSync}; a full rescan every {@code rescan} catches what watching misses (network drives,
 * overflow, editors that swap folders). Runs on one daemon thread; {@link #close()} stops it.
 */
public final class VaultWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VaultWatcher.class);
    static final Duration DEBOUNCE = Duration.ofMillis(200);

    private final Path vault;
    private final Consumer<Set<String>> sync;
    private final Duration rescan;
    private final WatchService watcher;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** {@code sync} gets the changed paths relative to the vault, or null for a full rescan. */
    VaultWatcher(Path vault, Duration rescan, Consumer<Set<String>> sync) throws IOException {
        this.vault = vault.toAbsolutePath().normalize();
        this.sync = sync;
        this.rescan = rescan;
        this.watcher = this.vault.getFileSystem().newWatchService();
        registerTree(this.vault);
        this.thread = new Thread(this::loop, "vault-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching and syncing at once. */
    public static VaultWatcher start(Path vault, Duration rescan, VaultSync sync) throws IOException {
        return watching(vault, rescan, sync).begin();
    }

    /**
     * Watches from now on but syncs nothing until {@link #begin()}: {@code serve} calls it before its first
     * ingest, so a note saved while that runs is queued by the file system, not left to the next rescan.
     */
    public static VaultWatcher watching(Path vault, Duration rescan, VaultSync sync) throws IOException {
        return new VaultWatcher(vault, rescan, sync::sync);
    }

    /** Starts syncing what changed since {@link #watching}; once. */
    public VaultWatcher begin() {
        thread.start();
        return this;
    }

    private void loop() {
        Set<String> changed = new LinkedHashSet<>();
        boolean full = false;
        long nextRescan = System.nanoTime() + rescan.toNanos();
        while (running) {
            try {
                long wait = changed.isEmpty() && !full
                        ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextRescan - System.nanoTime()))
                        : DEBOUNCE.toMillis();
                WatchKey key = watcher.poll(wait, TimeUnit.MILLISECONDS);
                if (key != null) {
                    full |= collect(key, changed);
                    continue; // more may follow: wait for a quiet period before syncing
                }
                if (full || System.nanoTime() >= nextRescan) {
                    run(null);
                    changed.clear();
                    full = false;
                    nextRescan = System.nanoTime() + rescan.toNanos();
                } else if (!changed.isEmpty()) {
                    run(Set.copyOf(changed));
                    changed.clear();
                }
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                return;
            }
        }
    }

    private void run(Set<String> paths) {
        try {
            sync.accept(paths);
        } catch (RuntimeException e) {
            // a bad moment (note half-saved, database busy) must not stop watching; the rescan repeats it
            LOG.warn("Syncing the vault failed: {}", e.getMessage(), e);
        }
    }

    /** Adds the .md paths a key reports; true when a full rescan is needed (overflow, folder appeared/vanished). */
    private boolean collect(WatchKey key, Set<String> changed) {
        Path dir = dirs.get(key);
        boolean full = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                full = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (hidden(child)) {
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                registerTree(child);
                full = true; // notes may have been moved in with it
            } else if (child.getFileName().toString().endsWith(".md")) {
                changed.add(vault.relativize(child).toString().replace('\\', '/'));
            } else if (event.kind() == ENTRY_DELETE && dirs.containsValue(child)) {
                full = true; // a folder went away (or was renamed): its notes are gone
            }
        }
        if (!key.reset()) {
            dirs.remove(key);
        }
        return full;
    }

    private boolean hidden(Path p) {
        Path rel = vault.relativize(p);
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void registerTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(vault) && hidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    dirs.put(dir.register(watcher, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot watch {}: {} (the periodic rescan still covers it)", root, e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            watcher.close();
            thread.join(2000);
        } catch (IOException | InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }
}
