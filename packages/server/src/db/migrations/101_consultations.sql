-- Consultations: definitions, responses (idempotent), drafts behind resume codes, published
-- results. Runs on PostgreSQL 15+ and PGlite (PostgreSQL 18).

CREATE TABLE consultations (
  id text PRIMARY KEY,
  -- The whole definition as written (docs/consultation-api.md), validated before it is stored.
  definition jsonb NOT NULL,
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  -- "We asked, you said, we did": the staff's words plus the counts frozen at publishing.
  results jsonb,
  results_published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consultation_responses (
  id bigserial PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES consultations (id),
  -- The reference the resident sees ("LDC-C-4QJ7-M2XD").
  reference text NOT NULL UNIQUE,
  -- Only answers to questions the resident saw, validated against the definition.
  answers jsonb NOT NULL,
  lang text,
  -- A retry with the same Idempotency-Key finds this row instead of storing a second response;
  -- the fingerprint (a hash of the body) tells a true retry from a reused key.
  idempotency_key text,
  request_fingerprint text,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (consultation_id, idempotency_key)
);
CREATE INDEX consultation_responses_by_consultation ON consultation_responses (consultation_id, id);

CREATE TABLE consultation_drafts (
  -- 8 characters from 23456789ABCDEFGHJKMNPQRSTVWXYZ, stored upper case without separators.
  code text PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES consultations (id),
  answers jsonb NOT NULL,
  page text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX consultation_drafts_expiry ON consultation_drafts (expires_at);
