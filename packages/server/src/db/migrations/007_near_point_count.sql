-- Near a point, X-Total-Count counts the reports in the circle up to 101 (requests/query.ts),
-- and each needs its lat and long for the exact haversine check. With only the place in the
-- index, every one of them was read from the table: a bitmap of the whole box around the circle
-- (646 entries at 200,000 reports in bench/lib/seed-reports.ts's council, and growing with the
-- reports stored) and then a table page per report. Carrying lat and long in the index
-- (INCLUDE: stored in the leaves, not part of the search key) lets PostgreSQL count from the
-- index alone (an index-only scan that stops at 101 matches) wherever the visibility map says a
-- table page holds no unvacuumed changes. The same expression and predicate as migration 005;
-- rebuilding the index reads the table once.
DROP INDEX IF EXISTS service_requests_place_idx;
CREATE INDEX service_requests_place_idx ON service_requests USING gist (
  cube(ARRAY[cos(radians(lat)) * cos(radians(long)), cos(radians(lat)) * sin(radians(long)), sin(radians(lat))])
) INCLUDE (lat, long) WHERE lat IS NOT NULL AND long IS NOT NULL;
