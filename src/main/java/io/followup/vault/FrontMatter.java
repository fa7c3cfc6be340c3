package io.followup.vault;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The YAML block between the leading {@code ---} lines of a note. Invalid YAML (unfilled templates
 * such as {@code created: { { DATE } }}) is read line by line instead, with a problem reported, so
 * the note is kept.
 */
public final class FrontMatter {

    /** Something wrong in the block; {@code line} is 1-based in the file. */
    public record Problem(int line, String message) {
    }

    private static final FrontMatter NONE = new FrontMatter(Map.of(), 0, List.of());

    private final Map<String, Object> fields;
    private final int bodyStart;
    private final List<Problem> problems;

    private FrontMatter(Map<String, Object> fields, int bodyStart, List<Problem> problems) {
        this.fields = fields;
        this.bodyStart = bodyStart;
        this.problems = List.copyOf(problems);
    }

    /** Reads the front matter at the top of {@code lines} (lines without line breaks). */
    public static FrontMatter read(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return NONE;
        }
        int close = -1;
        for (int k = 1; k < lines.size(); k++) {
            String s = lines.get(k).strip();
            if (s.equals("---") || s.equals("...")) {
                close = k;
                break;
            }
        }
        if (close < 0) {
            // Obsidian shows an unclosed block as text, so we read it as body too.
            return new FrontMatter(Map.of(), 0, List.of(new Problem(1, "front matter is never closed with '---'; read as text")));
        }
        List<String> block = lines.subList(1, close);
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> fields = parseYaml(block, problems);
        if (fields == null) {
            fields = LenientYaml.read(block, problems);
        }
        dropPlaceholders(fields, block, problems);
        return new FrontMatter(Collections.unmodifiableMap(fields), close + 1, problems);
    }

    /** Index of the first body line (0 when there is no front matter). */
    public int bodyStart() {
        return bodyStart;
    }

    public boolean present() {
        return bodyStart > 0;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** A scalar field as text (dates as YYYY-MM-DD); {@code path} may be dotted ("entities.people"). */
    public Optional<String> text(String path) {
        Object v = get(path);
        if (v == null || v instanceof Map || v instanceof List) {
            return Optional.empty();
        }
        String s = scalarText(v).strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A list field as texts; a single scalar counts as a one-element list. */
    public List<String> texts(String path) {
        Object v = get(path);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o != null && !(o instanceof Map) && !(o instanceof List)) {
                    String s = scalarText(o).strip();
                    if (!s.isEmpty()) {
                        out.add(s);
                    }
                }
            }
        } else if (v != null && !(v instanceof Map)) {
            String s = scalarText(v).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** 1-based file line where {@code key} is written at the top level, or 0. */
    public int lineOf(String key, List<String> lines) {
        for (int k = 1; k < bodyStart - 1 && k < lines.size(); k++) {
            if (lines.get(k).startsWith(key + ":")) {
                return k + 1;
            }
        }
        return 0;
    }

    private Object get(String path) {
        Object cur = fields;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> map)) {
                return null;
            }
            cur = map.get(part);
        }
        return cur;
    }

    private static String scalarText(Object v) {
        if (v instanceof Date d) {
            // SnakeYAML reads unquoted timestamps as UTC instants.
            return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return String.valueOf(v);
    }

    /** Longest front matter given to the YAML parser; real ones are a few hundred characters. */
    private static final int MAX_YAML = 100_000;

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(30);
        options.setCodePointLimit(1_000_000);
        options.setAllowDuplicateKeys(true);
        options.setAllowRecursiveKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new DatesAsText());
    }

    /**
     * One loader per thread (a Yaml is not thread-safe, and building one per note cost an ingest more than
     * some of the parsing); dropped after a failed document, so nothing of it carries over to the next.
     */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(FrontMatter::newYaml);

    private static Map<String, Object> parseYaml(List<String> block, List<Problem> problems) {
        String text = String.join("\n", block);
        if (text.length() > MAX_YAML) {
            // SnakeYAML spends seconds on a megabyte scalar before its own limit stops it
            problems.add(new Problem(2, "front matter is longer than " + MAX_YAML / 1000 + " KB; read line by line"));
            return null;
        }
        Yaml yaml = YAML.get();
        Object doc;
        try {
            doc = yaml.load(text);
        } catch (MarkedYAMLException e) {
            YAML.remove();
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 2 : mark.getLine() + 2;
            problems.add(new Problem(line, "front matter is not valid YAML (" + firstLine(e.getProblem())
                    + "); read line by line"));
            return null;
        } catch (YAMLException | IllegalArgumentException e) {
            YAML.remove();
            problems.add(new Problem(2, "front matter is not valid YAML (" + firstLine(e.getMessage())
                    + "); read line by line"));
            return null;
        } catch (RuntimeException | Error e) {
            YAML.remove();
            throw e;
        }
        if (doc == null) {
            return new LinkedHashMap<>();
        }
        if (doc instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        problems.add(new Problem(2, "front matter is not a set of 'key: value' fields; read line by line"));
        return null;
    }

    /**
     * Keeps unquoted dates as text: SnakeYAML would turn {@code 2025-02-30} into March 2 without a
     * word, and we want to warn about it instead.
     */
    private static final class DatesAsText extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return implicit && Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Template placeholders that YAML happens to accept ({@code { { DATE } }} is a map keyed by a
     * map) are values nobody filled in: they are dropped and reported.
     */
    private static void dropPlaceholders(Map<String, Object> fields, List<String> block, List<Problem> problems) {
        for (Map.Entry<String, Object> e : new ArrayList<>(fields.entrySet())) {
            Object v = e.getValue();
            if (isPlaceholder(v)) {
                fields.put(e.getKey(), null);
                problems.add(new Problem(lineOfKey(e.getKey(), block), "front matter field '" + e.getKey()
                        + "' is an unfilled template placeholder"));
            } else if (v instanceof List<?> list && list.stream().anyMatch(FrontMatter::isPlaceholder)) {
                List<Object> kept = new ArrayList<>();
                list.stream().filter(o -> !isPlaceholder(o)).forEach(kept::add);
                fields.put(e.getKey(), kept);
                problems.add(new Problem(lineOfKey(e.getKey(), block), "front matter field '" + e.getKey()
                        + "' holds an unfilled template placeholder"));
            }
        }
    }

    static boolean isPlaceholder(Object v) {
        if (v instanceof Map<?, ?> map) {
            return map.keySet().stream().anyMatch(k -> k instanceof Map || k instanceof List);
        }
        if (v instanceof String s) {
            String t = s.strip();
            return (t.startsWith("{") && t.endsWith("}") && t.replace(" ", "").startsWith("{{"))
                    || (t.startsWith("<%") && t.endsWith("%>"));
        }
        return false;
    }

    private static int lineOfKey(String key, List<String> block) {
        for (int k = 0; k < block.size(); k++) {
            if (block.get(k).startsWith(key + ":")) {
                return k + 2;
            }
        }
        return 1;
    }
}
