-- Notes' transcripts are no longer kept in note_content.sections: they are searched through search_index (which
-- indexes every section, transcript included) and shown nowhere, and they were most of the database (a 10,000-note
-- vault: 120 of 137 MB of section text). Existing rows lose theirs here, as an ingest now writes them; the pages
-- freed are reused by later writes (VACUUM cannot run inside a migration's transaction).
UPDATE note_content SET sections = json_remove(sections, '$.transcript') WHERE json_type(sections, '$.transcript') IS NOT NULL;
