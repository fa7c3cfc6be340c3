package io.followup.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The fixed word pools GenVault draws from: ~200 fictional people, teams, accounts and task phrases. */
final class Pools {

    private Pools() {
    }

    private static final String[] FIRST = {
        "Tomás", "Björn", "Zoë", "Priya", "Maya", "Daniel", "Hannah", "Joel", "Rafael", "Léa",
        "Søren", "Chloé", "José", "Åsa", "Renée", "Amara", "Kenji", "Ingrid", "Mateo", "Aisha",
        "Oskar", "Nadia", "Felix", "Ines", "Kwame", "Lucía", "Emil", "Yara", "Jonas", "Mei",
        "Arjun", "Freya", "Ravi", "Elif", "Hugo", "Noor", "Sven", "Camila", "Tariq", "Greta"};

    private static final String[] LAST = {
        "Ortega", "Lind", "Adeyemi", "Raman", "Chen", "Okafor", "Kowalski", "Nyberg", "Duarte", "Moreau",
        "Jørgensen", "Dubois", "García", "Ström", "Fontaine", "Mensah", "Tanaka", "Halvorsen", "Rossi", "Haddad",
        "Novak", "Petrova", "Becker", "Costa", "Boateng", "Fernández", "Larsson", "Nasser", "Weber", "Lin",
        "Patel", "Murphy", "Iyer", "Yılmaz", "Laurent", "Rahman", "Eriksson", "Silva", "Aziz", "Keller"};

    /** 200 distinct "First Last" names, the same on every run. */
    static final List<String> PEOPLE = people(200);

    static final List<String> TEAMS = List.of(
            "Platform team", "Design team", "Data team", "Cloud ops", "Support desk", "Growth team", "Security team");

    static final List<String> ACCOUNTS = List.of(
            "Quayside Ferries", "Oakmoss Pharmacy", "Brightwater Labs", "Kestrel Freight", "Juniper Health",
            "Northgate Libraries", "Copperleaf Energy", "Saltmarsh Brewing", "Meridian Rail", "Alder & Pike",
            "Bluebell Schools", "Harrow Insurance", "Fjordline Outdoor", "Cinder Games", "Tallow Candles",
            "Pebble Bank", "Larkspur Hotels", "Granite City Council", "Wren Logistics", "Orchard Grocers");

    static final List<String> VERBS = List.of(
            "Send", "Review", "Draft", "Schedule", "Confirm", "Prepare", "Follow up on", "Share", "Update",
            "Fix", "Escalate", "Document", "Book", "Collect", "Evaluate", "Estimate", "Spike", "Chase",
            "Write up", "Set up", "Migrate", "Audit", "Test", "Present", "Finalize");

    static final List<String> OBJECTS = List.of(
            "the pricing proposal", "the staging environment", "the API rate limits", "the refund edge cases",
            "the onboarding screens", "the statement of work", "the accessibility audit", "the launch checklist",
            "the release notes", "the data export", "the SSO integration", "the on-call rota", "the invoice",
            "the architecture options", "the usability session", "the offline mode", "the payment webhooks",
            "the analytics events", "the support playbook", "the security questionnaire", "the load test results",
            "the contract renewal", "the roadmap slides", "the migration plan", "the incident review",
            "the timetable sync", "the translation files", "the design tokens", "the backup restore drill",
            "the cost report");

    static final List<String> QUALIFIERS = List.of(
            "for %A", "with %P", "before the steering meeting", "(phase 2)", "and circulate to the team",
            "for the beta", "with the customer's IT team", "in the shared drive", "for %A's finance team",
            "and confirm no new approvals are needed", "including the edge cases %P raised",
            "so %A can sign off", "ahead of the quarterly review", "", "", "");

    static final List<String> SENTENCES = List.of(
            "I think we should start with the smallest version that works and see what breaks.",
            "The main risk is the timeline; the customer wants it before the end of the quarter.",
            "We looked at the numbers again and the cost is about a third lower than we feared.",
            "Can you send me the deck afterwards? I want to go through it with the team.",
            "Honestly, nobody owns that today, which is why it keeps slipping.",
            "Let's take that offline, I don't want to spend the whole call on pricing.",
            "They asked twice about the migration, so it's clearly on their mind.",
            "I'll write it down as an action item so it doesn't get lost.",
            "We tried that last year and it didn't stick, mostly because of the tooling.",
            "The support tickets went down by half after the last release.",
            "If we can get the staging environment up by Friday, testing can start Monday.",
            "I'm not sure the legal review is needed here, but let's ask anyway.",
            "That's a fair point. What would it take to make it work offline?",
            "The feedback from the pilot was mostly positive, except for the login flow.",
            "Sorry, you cut out for a second. Could you repeat the last part?",
            "We should loop in the platform team before we commit to a date.",
            "There are three options on the table and I'd like a decision this week.",
            "The budget is approved, but only for this quarter.",
            "Let me check with finance whether the invoice went out.",
            "I'd rather under-promise here; the integration has surprised us before.",
            "Okay, so to summarize: we ship the small version, then we iterate.",
            "Who's going to own the follow-up with their IT team?",
            "They want weekly updates until launch, short ones.",
            "- [ ] this sounds like a task, but it is inside the transcript, so it is not one.",
            "The accessibility audit found twelve issues, four of them serious.",
            "We’re aligned on the scope; the open question is who signs off.");

    static final List<String> BULLETS = List.of(
            "The customer runs %N sites and plans to add more next year.",
            "Current process is manual and takes about %N hours a week.",
            "%P is the technical owner; %Q owns the budget.",
            "The pilot covered %N users across three teams.",
            "A competing vendor offered a lower price but no offline support.",
            "Data must stay in the EU; hosting in Frankfurt is acceptable.",
            "Their IT team prefers SSO through their existing identity provider.",
            "The contract renews at the end of the quarter.",
            "Support volume peaks on Mondays and after each release.",
            "Two of the %N integrations have no sandbox environment.");

    private static List<String> people(int n) {
        Random r = new Random(20260304L);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < n) {
            names.add(FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)]);
        }
        List<String> list = new ArrayList<>(names);
        Collections.sort(list);
        return List.copyOf(list);
    }
}
