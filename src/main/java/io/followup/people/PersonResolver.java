package io.followup.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an owner as written ({@code @Lior}, {@code @Myself}, {@code @Cloud BU engineering}) into one
 * person or team, in this order: me; a configured team; a person by exact name or alias (case and
 * accents ignored); the same with a doubled last word collapsed; a first name alone when exactly
 * one participant of the meeting (else exactly one known person) has it; a name containing a
 * team-like word (team, engineering, ops, leadership, BU, …) as a team. Anything else is kept as
 * written, never guessed.
 */
public final class PersonResolver {

    /** Words that make an unresolved name a team ("Cloud BU engineering", "Product Marketing"). */
    private static final Set<String> TEAM_WORDS = Set.of(
            "team", "teams", "engineering", "eng", "ops", "operations", "leadership", "bu", "sales", "marketing",
            "support", "group", "squad", "department", "dept", "org", "committee", "board", "legal", "finance",
            "hr", "it", "qa", "sre", "devops", "infra", "infrastructure", "product", "security", "management",
            "council", "everyone", "all", "staff", "pmo");

    private final People people;
    /** Name key -> canonical name, from the people file (names and aliases). */
    private final Map<String, String> configured = new HashMap<>();
    /** Name key -> name, for the known names outside the people file. */
    private final Map<String, String> knownByKey = new HashMap<>();
    /** First-name key -> canonical names of known persons having it. */
    private final Map<String, Set<String>> byFirstName = new HashMap<>();
    private final Map<String, String> teams = new HashMap<>();

    public PersonResolver(People people, Collection<String> knownNames) {
        this.people = people == null ? People.empty() : people;
        for (People.Team t : this.people.teams()) {
            teams.putIfAbsent(Names.key(t.name()), t.name());
        }
        for (People.Person p : this.people.persons()) {
            index(p.name(), p.name(), configured);
            p.aliases().forEach(a -> index(a, p.name(), configured));
        }
        if (knownNames != null) {
            for (String n : knownNames) {
                String clean = Names.clean(n);
                if (!clean.isEmpty() && !teams.containsKey(Names.key(clean))) {
                    index(clean, canonical(clean), knownByKey);
                }
            }
        }
    }

    private void index(String spelling, String canonical, Map<String, String> byKey) {
        String key = Names.key(spelling);
        if (key.isEmpty()) {
            return;
        }
        byKey.putIfAbsent(key, canonical);
        String first = firstWord(key);
        if (!first.equals(key)) {
            byFirstName.computeIfAbsent(first, k -> new LinkedHashSet<>()).add(canonical);
        }
    }

    /** The canonical spelling of a name the people file knows, else the name itself. */
    private String canonical(String name) {
        return configured.getOrDefault(Names.key(name), name);
    }

    public Resolved resolve(String ownerRaw, List<String> meetingParticipants) {
        String written = Names.clean(ownerRaw);
        if (written.isEmpty()) {
            return Resolved.NOBODY;
        }
        List<String> participants = meetingParticipants == null ? List.of() : meetingParticipants;
        String key = Names.key(written);
        if (key.equals("myself") || key.equals("me")) {
            // Without a configured owner we cannot know who "Myself" is: keep it as written.
            return people.me() == null ? Resolved.person(written) : Resolved.person(canonical(people.me()));
        }
        String name = written;
        while (true) {
            Resolved r = known(Names.key(name), participants);
            if (r != null) {
                return r;
            }
            String collapsed = collapseDoubledLastWord(name);
            if (collapsed.equals(name)) {
                break;
            }
            name = collapsed;
        }
        boolean teamish = Arrays.stream(Names.key(name).split(" ")).anyMatch(TEAM_WORDS::contains);
        return teamish ? Resolved.team(name) : Resolved.person(name);
    }

    private Resolved known(String key, List<String> participants) {
        if (key.isEmpty()) {
            return null;
        }
        String team = teams.get(key);
        if (team != null) {
            return Resolved.team(team);
        }
        String exact = configured.get(key);
        if (exact != null) {
            return Resolved.person(exact);
        }
        boolean singleWord = key.indexOf(' ') < 0;
        if (singleWord) {
            // A bare first name known on its own ("@Brian" seen elsewhere) must not hide the full
            // name of the one participant called Brian: first names are tried first.
            Resolved r = byFirstName(key, participants);
            if (r != null) {
                return r == AMBIGUOUS ? null : r;
            }
        }
        String known = knownByKey.get(key);
        if (known != null) {
            return Resolved.person(known);
        }
        for (String p : participants) {
            if (Names.key(Names.clean(p)).equals(key)) {
                return Resolved.person(canonical(Names.clean(p)));
            }
        }
        return null;
    }

    private static final Resolved AMBIGUOUS = new Resolved(null, null);

    /** "@Lior": the one participant called Lior, else the one known person called Lior. */
    private Resolved byFirstName(String key, List<String> participants) {
        Set<String> inMeeting = new LinkedHashSet<>();
        for (String p : participants) {
            String clean = Names.clean(p);
            String pk = Names.key(clean);
            if (pk.indexOf(' ') > 0 && firstWord(pk).equals(key)) {
                inMeeting.add(canonical(clean));
            }
        }
        if (inMeeting.size() == 1) {
            return Resolved.person(inMeeting.iterator().next());
        }
        if (!inMeeting.isEmpty()) {
            return AMBIGUOUS;
        }
        Set<String> known = byFirstName.getOrDefault(key, Set.of());
        if (known.size() > 1) {
            return AMBIGUOUS;
        }
        return known.size() == 1 ? Resolved.person(known.iterator().next()) : null;
    }

    /** "Lior Genzel Genzel" -> "Lior Genzel" (a transcription slip), else the name unchanged. */
    static String collapseDoubledLastWord(String name) {
        List<String> words = new ArrayList<>(Arrays.asList(name.split(" ")));
        int n = words.size();
        if (n >= 2 && Names.key(words.get(n - 1)).equals(Names.key(words.get(n - 2)))) {
            words.remove(n - 1);
            return String.join(" ", words);
        }
        return name;
    }

    private static String firstWord(String key) {
        int sp = key.indexOf(' ');
        return sp < 0 ? key : key.substring(0, sp);
    }
}
