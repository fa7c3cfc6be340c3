package io.followup.vault;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every Markdown note below a vault folder: {@code *.md} in any letter case, hidden folders
 * ({@code .obsidian}, {@code .trash}, {@code .git}) skipped, symlinked folders followed once
 * (loops are reported, not walked). Sorted by relative path so ingests are repeatable.
 */
public final class VaultScanner {

    private static final Logger log = LoggerFactory.getLogger(VaultScanner.class);

    /** Lists the notes; problems with single files are logged and skipped. */
    public List<ScannedFile> scan(Path vaultRoot) {
        return scan(vaultRoot, w -> log.warn("{}", w));
    }

    /**
     * Lists the notes, telling {@code warnings} about files or folders that could not be read.
     *
     * @throws VaultException when the root is missing, not a folder or unreadable
     */
    public List<ScannedFile> scan(Path vaultRoot, Consumer<Warning> warnings) {
        if (vaultRoot == null) {
            throw new VaultException("no vault folder configured");
        }
        Path root = vaultRoot.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new VaultException("vault folder does not exist: " + root);
        }
        if (!Files.isDirectory(root)) {
            throw new VaultException("vault path is not a folder: " + root);
        }
        if (!Files.isReadable(root)) {
            throw new VaultException("vault folder is not readable: " + root);
        }
        List<ScannedFile> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new Collector(root, found, warnings));
        } catch (IOException e) {
            throw new VaultException("cannot read vault folder " + root + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(ScannedFile::relPath));
        return found;
    }

    private static final class Collector extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<ScannedFile> found;
        private final Consumer<Warning> warnings;

        private final String rootText;
        private final String separator;

        Collector(Path root, List<ScannedFile> found, Consumer<Warning> warnings) {
            this.root = root;
            this.rootText = root.toString();
            this.separator = root.getFileSystem().getSeparator();
            this.found = found;
            this.warnings = warnings;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // The path as text once: the relative path is its tail (cheaper than Path.relativize for every note).
            String path = file.toString();
            if (attrs.isRegularFile() && path.regionMatches(true, path.length() - 3, ".md", 0, 3)) {
                found.add(new ScannedFile(relText(file, path), file, attrs.size(), attrs.lastModifiedTime().toMillis()));
            }
            return FileVisitResult.CONTINUE;
        }

        /** {@link #rel} of a file below the root, from its path text. */
        private String relText(Path file, String path) {
            String prefix = rootText.endsWith(separator) ? rootText : rootText + separator;
            if (!path.startsWith(prefix)) {
                return rel(file);
            }
            String tail = path.substring(prefix.length());
            return separator.equals("/") ? tail : tail.replace(separator, "/");
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            if (file.equals(root)) {
                throw new VaultException("cannot read vault folder " + root + ": " + exc.getMessage(), exc);
            }
            String why = exc instanceof FileSystemLoopException
                    ? "folder link loops back to a parent folder; not followed"
                    : "cannot be read (" + exc.getClass().getSimpleName() + ": " + exc.getMessage() + "); skipped";
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            // Hidden entries we could not even stat are ones we would have skipped anyway.
            if (!name.startsWith(".")) {
                warnings.accept(new Warning(rel(file), 0, why));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            if (exc != null) {
                warnings.accept(new Warning(rel(dir), 0, "folder could not be fully read: " + exc.getMessage()));
            }
            return FileVisitResult.CONTINUE;
        }

        private String rel(Path p) {
            return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        }
    }
}
