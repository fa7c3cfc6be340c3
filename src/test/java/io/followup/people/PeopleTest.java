package io.followup.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeopleTest {

    @TempDir
    Path dir;

    @Test
    void reads_the_contract_example() throws IOException {
        Path file = dir.resolve("people.yaml");
        Files.writeString(file, """
                me: Priya Raman              # who @Myself / @me is
                people:
                  - name: Tomás Ortega
                    aliases: [Tom Ortega]
                    email: tomas@example.test
                    slack: U0TOMAS
                  - name: Ana Silva
                teams:
                  - name: Platform team
                    channel: C0PLATFORM
                """);
        People p = People.load(file);
        assertEquals("Priya Raman", p.me());
        assertEquals(new People.Person("Tomás Ortega", List.of("Tom Ortega"), "tomas@example.test", "U0TOMAS"),
                p.persons().get(0));
        assertEquals(new People.Person("Ana Silva", List.of(), null, null), p.persons().get(1));
        assertEquals(List.of(new People.Team("Platform team", "C0PLATFORM")), p.teams());
    }

    @Test
    void no_file_means_nobody_configured() {
        People p = People.load(null);
        assertNull(p.me());
        assertTrue(p.persons().isEmpty());
        assertTrue(p.teams().isEmpty());
    }

    @Test
    void a_missing_file_is_named_in_the_error() {
        Path missing = dir.resolve("nope.yaml");
        PeopleFileException e = assertThrows(PeopleFileException.class, () -> People.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void invalid_yaml_is_named_with_its_line() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "me: Priya\npeople:\n  - name: [unclosed\n");
        PeopleFileException e = assertThrows(PeopleFileException.class, () -> People.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void a_person_without_a_name_is_refused_clearly() throws IOException {
        Path file = dir.resolve("noname.yaml");
        Files.writeString(file, "people:\n  - email: x@example.test\n");
        PeopleFileException e = assertThrows(PeopleFileException.class, () -> People.load(file));
        assertTrue(e.getMessage().contains("people[0] has no 'name'"), e.getMessage());
    }

    @Test
    void wrong_shapes_are_refused_clearly() {
        assertThrows(PeopleFileException.class, () -> People.parse("- just a list", "x.yaml"));
        assertThrows(PeopleFileException.class, () -> People.parse("people: Ana", "x.yaml"));
        assertThrows(PeopleFileException.class, () -> People.parse("people: [Ana]", "x.yaml"));
        assertEquals(People.empty(), People.parse("", "x.yaml"));
    }
}
