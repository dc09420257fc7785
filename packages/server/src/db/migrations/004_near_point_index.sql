-- Near-a-point search (requests/query.ts) with a real spatial index: a GiST index on the point
-- (built into PostgreSQL, no extension, so the same on PGlite and any PostgreSQL). A search asks
-- for the points inside a box around the circle (`<@`), which the index answers by walking only
-- the tree's nodes that overlap the box, however many reports are stored elsewhere.
CREATE INDEX service_requests_point_idx ON service_requests USING gist (point(long, lat));
-- The default list (the last 90 days, newest first) reads this index backwards and stops at a page.
CREATE INDEX service_requests_requested_id_idx ON service_requests (requested_datetime DESC, id DESC);
