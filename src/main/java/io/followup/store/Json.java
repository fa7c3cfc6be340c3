package io.followup.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import io.followup.vault.Warning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for the text columns that hold lists and maps. */
public final class Json {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final TypeToken<List<String>> STRINGS = new TypeToken<>() { };
    private static final TypeToken<LinkedHashMap<String, String>> STRING_MAP = new TypeToken<>() { };

    private static final TypeToken<List<Warning>> WARNINGS = new TypeToken<>() { };

    private Json() {
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }

    public static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<String> list = GSON.fromJson(json, STRINGS.getType());
        return list == null ? List.of() : list;
    }

    public static Map<String, String> stringMap(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, String> map = GSON.fromJson(json, STRING_MAP.getType());
        return map == null ? Map.of() : map;
    }

    public static List<Warning> warnings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Warning> list = GSON.fromJson(json, WARNINGS.getType());
        return list == null ? List.of() : list;
    }
}
