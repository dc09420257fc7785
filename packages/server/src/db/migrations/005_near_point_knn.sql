-- Near-a-point search nearest first, straight from the index (requests/query.ts). The GiST index
-- on point(long, lat) (migration 004) found the reports in a box, but every one of them then had
-- its distance measured and was sorted: the more reports in the circle, the more work. Here each
-- report's place is a point on the unit sphere, a 3-D `cube` (the cube extension: in PostgreSQL's
-- contrib, trusted since 13, and bundled with PGlite). Straight-line distance between two such
-- points grows with the distance along the Earth, so `ORDER BY position <-> centre` is nearest
-- first exactly, and GiST answers it by walking the tree in distance order (a KNN scan): a page
-- of 10 reads about 10 reports, however many are in the circle. `<@` a cube around the circle
-- bounds the scan to the radius. The expression must match PLACE in requests/query.ts. Reports
-- given by address only have no place (and `cube` refuses an array with NULLs): the index leaves
-- them out, and a search says `lat IS NOT NULL AND long IS NOT NULL` so it may use the index.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE INDEX service_requests_place_idx ON service_requests USING gist (
  cube(ARRAY[cos(radians(lat)) * cos(radians(long)), cos(radians(lat)) * sin(radians(long)), sin(radians(lat))])
) WHERE lat IS NOT NULL AND long IS NOT NULL;
-- Nothing searches by the box or by latitude any more; every report written updated both.
DROP INDEX IF EXISTS service_requests_point_idx;
DROP INDEX IF EXISTS service_requests_lat_long_idx;
