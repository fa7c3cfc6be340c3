package io.followup.chat.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's documented Block Kit limits, checked on what the server really sent: 50 blocks in a message (100 in a
 * view), 3,000 characters of section or context text, 150 of header text, 75 of button or option text, 2,000 of
 * a button value, 150 of an option value, block ids unique within a message and at most 255 characters.
 */
final class BlockKitLimits {

    private BlockKitLimits() {
    }

    /** What breaks a limit, one line each; empty when Slack would take the blocks. */
    static List<String> problems(JsonArray blocks, boolean home) {
        List<String> out = new ArrayList<>();
        if (blocks.size() > (home ? 100 : 50)) {
            out.add(blocks.size() + " blocks");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject b = blocks.get(i).getAsJsonObject();
            String type = b.get("type").getAsString();
            if (b.has("block_id")) {
                String id = b.get("block_id").getAsString();
                if (!ids.add(id)) {
                    out.add(i + ": duplicate block_id " + id);
                }
                if (id.length() > 255) {
                    out.add(i + ": block_id of " + id.length());
                }
            }
            switch (type) {
                case "section" -> {
                    if (b.has("text")) {
                        limit(out, i + ": section text", text(b.getAsJsonObject("text")), 3000);
                    }
                }
                case "header" -> limit(out, i + ": header", text(b.getAsJsonObject("text")), 150);
                case "context" -> b.getAsJsonArray("elements").forEach(e -> limit(out, "context text", text(e.getAsJsonObject()), 3000));
                case "actions" -> actions(out, i, b.getAsJsonArray("elements"));
                default -> {
                }
            }
        }
        return out;
    }

    private static void actions(List<String> out, int i, JsonArray elements) {
        if (elements.size() > 25) {
            out.add(i + ": " + elements.size() + " elements");
        }
        for (JsonElement el : elements) {
            JsonObject e = el.getAsJsonObject();
            if (e.has("text")) {
                limit(out, i + ": button text", text(e.getAsJsonObject("text")), 75);
            }
            if (e.has("value")) {
                limit(out, i + ": button value", e.get("value").getAsString(), 2000);
            }
            if (e.has("options")) {
                for (JsonElement o : e.getAsJsonArray("options")) {
                    limit(out, i + ": option text", text(o.getAsJsonObject().getAsJsonObject("text")), 75);
                    limit(out, i + ": option value", o.getAsJsonObject().get("value").getAsString(), 150);
                }
            }
        }
    }

    private static String text(JsonObject textObject) {
        return textObject.get("text").getAsString();
    }

    private static void limit(List<String> out, String what, String text, int max) {
        if (text.length() > max) {
            out.add(what + " of " + text.length() + " characters (at most " + max + ")");
        } else if (text.isEmpty()) {
            out.add(what + " is empty");
        }
    }

    /** Every section and context text of the blocks, in order. */
    static List<String> texts(JsonArray blocks) {
        List<String> out = new ArrayList<>();
        for (JsonElement b : blocks) {
            JsonObject o = b.getAsJsonObject();
            if (o.has("text") && o.get("text").isJsonObject()) {
                out.add(text(o.getAsJsonObject("text")));
            }
            if (o.get("type").getAsString().equals("context")) {
                o.getAsJsonArray("elements").forEach(e -> out.add(text(e.getAsJsonObject())));
            }
        }
        return out;
    }
}
