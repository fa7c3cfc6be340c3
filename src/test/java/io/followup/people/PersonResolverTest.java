package io.followup.people;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.followup.model.OwnerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonResolverTest {

    private static final People PEOPLE = new People("Priya Raman",
            List.of(new People.Person("Tomás Ortega", List.of("Tom Ortega"), null, null),
                    new People.Person("Björn Öberg", List.of(), null, null),
                    new People.Person("Lior Genzel", List.of(), null, null),
                    new People.Person("Lior Katz", List.of(), null, null)),
            List.of(new People.Team("Platform team", "C0PLATFORM")));

    private final PersonResolver resolver = new PersonResolver(PEOPLE, List.of("Brian Moore", "Brian", "Asaf Levy"));

    private static Resolved person(String name) {
        return new Resolved(name, OwnerKind.PERSON);
    }

    @Test
    void no_owner_resolves_to_nothing() {
        assertEquals(new Resolved(null, null), resolver.resolve(null, List.of()));
        assertEquals(new Resolved(null, null), resolver.resolve("  ", List.of()));
    }

    @Test
    void myself_and_me_are_the_configured_owner() {
        assertEquals(person("Priya Raman"), resolver.resolve("Myself", List.of()));
        assertEquals(person("Priya Raman"), resolver.resolve("@me", List.of()));
    }

    @Test
    void myself_without_a_configured_owner_stays_as_written() {
        assertEquals(person("Myself"), new PersonResolver(People.empty(), List.of()).resolve("Myself", List.of()));
    }

    @Test
    void exact_names_aliases_case_and_accents() {
        assertEquals(person("Tomás Ortega"), resolver.resolve("Tomás Ortega", List.of()));
        assertEquals(person("Tomás Ortega"), resolver.resolve("tom ortega", List.of()));
        assertEquals(person("Tomás Ortega"), resolver.resolve("TOMAS ORTEGA", List.of()));
        assertEquals(person("Björn Öberg"), resolver.resolve("Bjorn Oberg", List.of()));
        assertEquals(person("Asaf Levy"), resolver.resolve("asaf  levy", List.of()));
    }

    @Test
    void a_doubled_last_word_is_collapsed() {
        assertEquals(person("Lior Genzel"), resolver.resolve("Lior Genzel Genzel", List.of()));
        assertEquals(person("Dana Reyes"), resolver.resolve("Dana Reyes Reyes", List.of()));
    }

    @Test
    void a_first_name_resolves_through_the_meeting_participants() {
        assertEquals(person("Lior Genzel"), resolver.resolve("Lior", List.of("Lior Genzel", "Asaf Levy")));
        assertEquals(person("Lior Katz"), resolver.resolve("@Lior", List.of("Lior Katz")));
    }

    @Test
    void a_first_name_shared_by_two_known_people_is_not_guessed() {
        assertEquals(person("Lior"), resolver.resolve("Lior", List.of("Asaf Levy")));
        assertEquals(person("Lior"), resolver.resolve("Lior", List.of("Lior Genzel", "Lior Katz")));
    }

    @Test
    void a_first_name_unique_among_known_people_resolves_without_participants() {
        assertEquals(person("Brian Moore"), resolver.resolve("Brian", List.of()));
        assertEquals(person("Björn Öberg"), resolver.resolve("bjorn", List.of()));
    }

    @Test
    void teams_stay_teams() {
        assertEquals(new Resolved("Platform team", OwnerKind.TEAM), resolver.resolve("platform Team", List.of()));
        assertEquals(new Resolved("Cloud BU engineering", OwnerKind.TEAM), resolver.resolve("@Cloud BU engineering", List.of()));
        assertEquals(new Resolved("Cloud BU ops", OwnerKind.TEAM), resolver.resolve("Cloud BU ops", List.of()));
        assertEquals(new Resolved("Product Marketing", OwnerKind.TEAM), resolver.resolve("Product Marketing", List.of()));
    }

    @Test
    void unknown_names_are_kept_as_written() {
        assertEquals(person("Shachar"), resolver.resolve(" Shachar ", List.of("Lior Genzel")));
        assertEquals(person("Kushal Datta"), resolver.resolve("[[Kushal Datta]]", List.of()));
    }

    @Test
    void participant_spellings_map_to_configured_people() {
        assertEquals(person("Tomás Ortega"), resolver.resolve("Tom", List.of("Tom Ortega")));
    }
}
