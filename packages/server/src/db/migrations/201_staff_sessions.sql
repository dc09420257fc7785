-- Staff sign-in through the council's identity provider (OpenID Connect): the sessions, and the
-- sign-ins on their way through the provider. Both live here, not in memory, so every process
-- behind a load balancer knows them. Only a SHA-256 of each cookie's random secret is stored:
-- a copy of this table does not sign anyone in.
CREATE TABLE staff_sessions (
  id_hash text PRIMARY KEY,
  email text NOT NULL,
  name text,
  -- The synchroniser token every staff form carries (CSRF).
  csrf_token text NOT NULL,
  -- Handed back to the provider when signing out (id_token_hint), so it ends its session too.
  id_token text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at);

CREATE TABLE staff_sign_ins (
  id_hash text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  -- A /staff path to go back to once signed in.
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sign_ins_expires_idx ON staff_sign_ins (expires_at);
