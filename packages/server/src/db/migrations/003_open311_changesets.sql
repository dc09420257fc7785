-- Open311 Service Discovery's `changeset`: when this database first served the current content
-- (services, service definitions, the discovery document), found by a hash of that content.
-- Shared by every process on the database, so a load balancer never sees two answers.
CREATE TABLE open311_changesets (
  name text PRIMARY KEY,
  content_hash text NOT NULL,
  changed_at timestamptz NOT NULL
);
