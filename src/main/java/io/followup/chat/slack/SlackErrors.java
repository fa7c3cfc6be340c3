package io.followup.chat.slack;

/** Slack's errors as the people who can fix them need to read them: the setting or step each one points to. */
public final class SlackErrors {

    private SlackErrors() {
    }

    /** What to do about an error a misconfigured workspace gives, as " — …"; "" when there is no advice. */
    public static String advice(String error) {
        String e = error == null ? "" : error;
        if (e.contains("not_in_channel")) {
            return " — invite the bot to that channel (/invite @Followup)";
        }
        if (e.contains("channel_not_found")) {
            return " — check the channel id (FOLLOWUP_DIGEST_CHANNEL, or the team's channel in the people file); "
                    + "a private channel needs the bot invited first";
        }
        if (e.contains("is_archived")) {
            return " — the channel is archived: unarchive it or name another";
        }
        if (e.contains("user_not_found") || e.contains("users_not_found") || e.contains("account_inactive") || e.contains("user_disabled")) {
            return " — fix that person's slack: id in the people file, or link the right account with /tasks link @user Name";
        }
        if (e.contains("missing_scope")) {
            return " — reinstall the app with the scopes of bot-manifest/slack/manifest.yml";
        }
        if (e.contains("invalid_auth") || e.contains("token_revoked") || e.contains("not_authed") || e.contains("token_expired")) {
            return " — check SLACK_BOT_TOKEN";
        }
        return "";
    }
}
