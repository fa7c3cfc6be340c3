package io.followup.ingest;

import io.followup.vault.Warning;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Lists the vault's Markdown files (hidden folders skipped, links not followed), sorted by path. */
final class VaultFiles {

    /** One Markdown file: path relative to the vault with '/' separators, and what tells whether it changed. */
    record File(String relPath, Path file, long size, long mtimeMs) {
    }

    /** The files, and the folders or files that could not be read. */
    record Listing(List<File> files, List<Warning> warnings) {
    }

    private VaultFiles() {
    }

    static Listing scan(Path root) throws IOException {
        List<File> files = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isNote(file)) {
                    files.add(new File(relPath(root, file), file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                warnings.add(new Warning(relPath(root, file), 0, "cannot be read: " + e.getClass().getSimpleName()));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(File::relPath));
        return new Listing(files, warnings);
    }

    /** The file at {@code relPath}, or null when it is gone or not a note. */
    static File one(Path root, String relPath) {
        Path file = root.resolve(relPath);
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile() || !isNote(file) || hiddenPath(relPath)) {
                return null;
            }
            return new File(relPath(root, file), file, attrs.size(), attrs.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isNote(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
    }

    private static boolean hiddenPath(String relPath) {
        String[] parts = relPath.replace('\\', '/').split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String relPath(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
