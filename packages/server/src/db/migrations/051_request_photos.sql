-- Every photo of a report, in the order the resident added them (docs/open311-extensions.md#several-photos).
-- `media_url` keeps the first, as GeoReport v2 has one; an array on the row (not a join table)
-- because photos are only ever read with their report, so `SELECT *` still answers in one read.
ALTER TABLE service_requests ADD COLUMN media_urls text[] NOT NULL DEFAULT '{}';
UPDATE service_requests SET media_urls = ARRAY[media_url] WHERE media_url IS NOT NULL AND media_url <> '';
