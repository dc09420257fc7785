-- The latest update's words in Welsh beside `status_notes` (English), so a Welsh page's request
-- shows the same note as its Welsh updates. NULL when staff wrote the update in English only.
ALTER TABLE service_requests ADD COLUMN status_notes_cy text;
