package io.followup.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultScannerTest {

    @TempDir
    Path vault;

    private void write(String rel) throws IOException {
        Path p = vault.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "# " + rel);
    }

    private static List<String> paths(List<ScannedFile> files) {
        return files.stream().map(ScannedFile::relPath).toList();
    }

    @Test
    void finds_markdown_recursively_in_any_case_and_skips_hidden_folders_and_other_files() throws IOException {
        write("a.md");
        write("Meetings/2025/b.MD");
        write("Meetings/c.Md");
        write("notes.txt");
        write(".obsidian/workspace.md");
        write(".trash/old.md");
        write("Meetings/.git/x.md");
        List<ScannedFile> files = new VaultScanner().scan(vault);
        assertEquals(List.of("Meetings/2025/b.MD", "Meetings/c.Md", "a.md"), paths(files));
        ScannedFile a = files.get(2);
        assertEquals(Files.size(vault.resolve("a.md")), a.size());
        assertTrue(a.mtimeMs() > 0);
        assertEquals(vault.resolve("a.md").toAbsolutePath().normalize(), a.file());
    }

    @Test
    void a_symlink_loop_is_reported_not_followed() throws IOException {
        write("Projects/p.md");
        try {
            Files.createSymbolicLink(vault.resolve("Projects/loop"), vault);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not supported here");
        }
        List<Warning> warnings = new ArrayList<>();
        List<ScannedFile> files = new VaultScanner().scan(vault, warnings::add);
        assertEquals(List.of("Projects/p.md"), paths(files));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).message().contains("loop"));
    }

    @Test
    void a_missing_root_names_the_path() {
        Path missing = vault.resolve("nope");
        VaultException e = assertThrows(VaultException.class, () -> new VaultScanner().scan(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void a_file_as_root_is_refused() throws IOException {
        write("a.md");
        VaultException e = assertThrows(VaultException.class, () -> new VaultScanner().scan(vault.resolve("a.md")));
        assertTrue(e.getMessage().contains("not a folder"));
    }

    @Test
    void an_unreadable_subfolder_is_a_warning_and_the_rest_goes_on() throws IOException {
        write("ok.md");
        write("locked/secret.md");
        Path locked = vault.resolve("locked");
        try {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions here");
        }
        try {
            assumeTrue(!Files.isReadable(locked), "running as a user who can read anything (root)");
            List<Warning> warnings = new ArrayList<>();
            assertEquals(List.of("ok.md"), paths(new VaultScanner().scan(vault, warnings::add)));
            assertEquals(1, warnings.size());
            assertEquals("locked", warnings.get(0).path());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
