package io.followup.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The people file (FOLLOWUP_PEOPLE): who {@code @Myself} is, the people with their aliases and
 * Slack identities, and the teams with their channels. Without a file, everything is empty.
 */
public record People(String me, List<Person> persons, List<Team> teams) {

    /** A person: display name, other spellings, and optional Slack identity hints. */
    public record Person(String name, List<String> aliases, String email, String slack) {
        public Person {
            aliases = List.copyOf(aliases);
        }
    }

    /** A team that can own tasks; its reminders go to {@code channel} (may be null). */
    public record Team(String name, String channel) {
    }

    public People {
        persons = List.copyOf(persons);
        teams = List.copyOf(teams);
    }

    public static People empty() {
        return new People(null, List.of(), List.of());
    }

    /**
     * Reads the people file; {@code null} gives {@link #empty()}.
     *
     * @throws PeopleFileException when the file cannot be read or does not follow the format
     */
    public static People load(Path yamlOrNull) {
        if (yamlOrNull == null) {
            return empty();
        }
        String text;
        try {
            text = Files.readString(yamlOrNull, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PeopleFileException("cannot read people file " + yamlOrNull + ": " + e.getMessage(), e);
        }
        return parse(text, yamlOrNull.toString());
    }

    /** Parses people-file YAML; {@code source} names it in error messages. */
    public static People parse(String yamlText, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(5_000_000);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(yamlText);
        } catch (MarkedYAMLException e) {
            String at = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1);
            throw new PeopleFileException("people file " + source + " is not valid YAML" + at + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new PeopleFileException("people file " + source + " is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (doc == null) {
            return empty();
        }
        if (!(doc instanceof Map<?, ?> top)) {
            throw new PeopleFileException("people file " + source + " must hold 'me', 'people' and 'teams' keys");
        }
        String me = text(top.get("me"), source, "me");
        List<Person> persons = new ArrayList<>();
        int k = 0;
        for (Map<?, ?> p : entries(top.get("people"), source, "people")) {
            String where = "people[" + k++ + "]";
            String name = required(p, "name", source, where);
            persons.add(new Person(name, aliases(p.get("aliases"), source, where),
                    text(p.get("email"), source, where + ".email"), text(p.get("slack"), source, where + ".slack")));
        }
        List<Team> teams = new ArrayList<>();
        k = 0;
        for (Map<?, ?> t : entries(top.get("teams"), source, "teams")) {
            String where = "teams[" + k++ + "]";
            teams.add(new Team(required(t, "name", source, where), text(t.get("channel"), source, where + ".channel")));
        }
        return new People(me, persons, teams);
    }

    private static List<Map<?, ?>> entries(Object v, String source, String key) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            throw new PeopleFileException("people file " + source + ": '" + key + "' must be a list");
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new PeopleFileException("people file " + source + ": every entry of '" + key
                        + "' needs 'name: …' (found " + o + ")");
            }
            out.add(m);
        }
        return out;
    }

    private static String required(Map<?, ?> m, String key, String source, String where) {
        String s = text(m.get(key), source, where + "." + key);
        if (s == null) {
            throw new PeopleFileException("people file " + source + ": " + where + " has no '" + key + "'");
        }
        return s;
    }

    private static List<String> aliases(Object v, String source, String where) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                String s = text(o, source, where + ".aliases");
                if (s != null) {
                    out.add(s);
                }
            }
        } else if (v != null) {
            String s = text(v, source, where + ".aliases");
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static String text(Object v, String source, String where) {
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw new PeopleFileException("people file " + source + ": '" + where + "' must be a single value");
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
