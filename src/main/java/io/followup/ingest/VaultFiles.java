package io.followup.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/** Looks up single vault files by relative path, for ingests told which files changed (the full scan is VaultScanner's). */
final class VaultFiles {

    /** One Markdown file: path relative to the vault with '/' separators, and what tells whether it changed. */
    record File(String relPath, Path file, long size, long mtimeMs) {
    }

    private VaultFiles() {
    }

    /** The file at {@code relPath}, or null when it is gone or not a note. */
    static File one(Path root, String relPath) {
        Path file = root.resolve(relPath);
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile() || !isNote(file) || hiddenPath(relPath)) {
                return null;
            }
            return new File(relPath.replace('\\', '/'), file, attrs.size(), attrs.lastModifiedTime().toMillis());
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
}
