-- The language a resident used, so every email to them is in it (Welsh Language Standards):
-- 'cy' or 'en' as their widget said (Accept-Language or ?locale=), NULL when nobody said, in
-- which case the emails are bilingual, Welsh first. Consultation responses already keep `lang`.
ALTER TABLE service_requests ADD COLUMN language text CHECK (language IN ('en', 'cy'));
ALTER TABLE subscriptions ADD COLUMN language text CHECK (language IN ('en', 'cy'));
-- A staff update's words in Welsh, beside `description` (English): our extension,
-- docs/open311-extensions.md#welsh. NULL when the update was written in one language only.
ALTER TABLE service_request_updates ADD COLUMN description_cy text;
