package io.followup.vault.writeback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    long temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)).count();
        }
    }

    @Test
    void replacing_writes_the_new_content_and_keeps_the_permissions() throws IOException {
        Path f = Files.write(dir.resolve("n.md"), b("old"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(AtomicFiles.Result.WRITTEN, new AtomicFiles().replace(f, b("old"), b("new")));
        assertArrayEquals(b("new"), Files.readAllBytes(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(0, temps());
    }

    @Test
    void replacing_keeps_the_group_of_a_note_shared_through_its_group() throws IOException {
        Path f = Files.write(dir.resolve("n.md"), b("old"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        GroupPrincipal other = otherGroup(Files.readAttributes(f, PosixFileAttributes.class).group());
        Assumptions.assumeTrue(other != null, "this user can give a file no other group");
        Files.getFileAttributeView(f, PosixFileAttributeView.class).setGroup(other);

        assertEquals(AtomicFiles.Result.WRITTEN, new AtomicFiles().replace(f, b("old"), b("new")));
        assertEquals(other, Files.readAttributes(f, PosixFileAttributes.class).group());
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    /** A group a temp file of ours may be given, other than {@code current}; null when there is none. */
    private GroupPrincipal otherGroup(GroupPrincipal current) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        Path probe = Files.createTempFile(dir, "probe", ".txt");
        try {
            for (String name : Files.readAllLines(Path.of("/etc/group")).stream().map(l -> l.split(":")[0]).toList()) {
                try {
                    GroupPrincipal g = lookup.lookupPrincipalByGroupName(name);
                    if (!g.equals(current)) {
                        Files.getFileAttributeView(probe, PosixFileAttributeView.class).setGroup(g);
                        return g;
                    }
                } catch (IOException notAllowed) {
                    // not a member of that group: try the next
                }
            }
            return null;
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void a_crash_before_the_rename_leaves_the_original_intact_and_no_temp_file() throws IOException {
        Path f = Files.write(dir.resolve("n.md"), b("original"));
        AtomicFiles crashing = new AtomicFiles(temp -> {
            assertArrayEquals(b("new"), Files.readAllBytes(temp));
            throw new IOException("simulated crash before rename");
        });
        assertThrows(UncheckedIOException.class, () -> crashing.replace(f, b("original"), b("new")));
        assertArrayEquals(b("original"), Files.readAllBytes(f));
        assertEquals(0, temps());
    }

    @Test
    void a_temp_file_left_by_a_killed_process_is_removed_by_the_next_write() throws IOException {
        Path f = Files.write(dir.resolve("n.md"), b("original"));
        Path left = Files.write(dir.resolve(".n.md.12345" + AtomicFiles.TEMP_SUFFIX), b("half"));
        Files.setLastModifiedTime(left, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        // another writer's temp, in flight right now, is not a leftover
        Path inFlight = Files.write(dir.resolve(".other.md.678" + AtomicFiles.TEMP_SUFFIX), b("being written"));
        AtomicFiles files = new AtomicFiles();
        assertEquals(AtomicFiles.Result.WRITTEN, files.replace(f, b("original"), b("new")));
        assertFalse(Files.exists(left));
        assertTrue(Files.exists(inFlight));
        // the young one turns out to be a leftover too (a crash just before a quick restart): a later write finds it
        Files.setLastModifiedTime(inFlight, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        AtomicFiles.Replacement r = files.replaceFile(f, b("new"), b("newer"));
        assertEquals(AtomicFiles.Result.WRITTEN, r.result());
        assertEquals(Files.getLastModifiedTime(f).toMillis(), r.mtimeMs(), "the new fingerprint's timestamp");
        assertFalse(Files.exists(inFlight), "the folder was searched again: it had a temp too young to tell");
    }

    @Test
    void a_file_changed_since_it_was_read_is_not_overwritten() throws IOException {
        Path f = Files.write(dir.resolve("n.md"), b("edited in obsidian"));
        assertEquals(AtomicFiles.Result.CHANGED_MEANWHILE, new AtomicFiles().replace(f, b("original"), b("new")));
        assertArrayEquals(b("edited in obsidian"), Files.readAllBytes(f));
    }

    @Test
    void a_file_without_owner_write_permission_is_read_only_even_for_root() throws IOException {
        Path f = Files.write(dir.resolve("n.md"), b("original"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        assertTrue(AtomicFiles.isReadOnly(f));
        assertEquals(AtomicFiles.Result.READ_ONLY, new AtomicFiles().replace(f, b("original"), b("new")));
        assertArrayEquals(b("original"), Files.readAllBytes(f));
    }

    @Test
    void a_note_in_a_folder_without_owner_write_permission_is_read_only_even_for_root() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("archive"));
        Path f = Files.write(folder.resolve("n.md"), b("old"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertTrue(AtomicFiles.isReadOnly(f));
            assertEquals(AtomicFiles.Result.READ_ONLY, new AtomicFiles().replace(f, b("old"), b("new")));
            assertArrayEquals(b("old"), Files.readAllBytes(f));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void a_missing_file_is_reported_not_created() {
        assertEquals(AtomicFiles.Result.MISSING, new AtomicFiles().replace(dir.resolve("gone.md"), b(""), b("x")));
        assertTrue(Files.notExists(dir.resolve("gone.md")));
    }
}
