-- Consultation alerts: residents who asked to be emailed about new consultations (by topic or
-- area), and respondents who asked for one consultation's outcome. Nothing is sent until the
-- address is confirmed by the emailed link; every email has a one-click unsubscribe (the token).
CREATE TABLE consultation_alerts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  -- "new" (new consultations), or "outcome:<consultation id>".
  scope text NOT NULL,
  consultation_id text REFERENCES consultations (id) ON DELETE CASCADE,
  -- Topic and area ids (scope "new"); none chosen: every new consultation.
  topics jsonb NOT NULL DEFAULT '[]'::jsonb,
  areas jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- The language the resident asked in: their emails and pages are in it.
  lang text NOT NULL DEFAULT 'en',
  -- Confirms and unsubscribes: the secret in the emailed links.
  token text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  UNIQUE (email, scope)
);
CREATE INDEX consultation_alerts_scope_idx ON consultation_alerts (scope) WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL;
