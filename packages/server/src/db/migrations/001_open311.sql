-- Open311 GeoReport v2: service requests, their updates, subscriptions, uploaded media and the
-- dev mailbox. Runs on PostgreSQL 15+ and PGlite (PostgreSQL 18).

CREATE TABLE service_requests (
  id bigint PRIMARY KEY,
  -- The reference residents see and quote ("LDC-1001").
  service_request_id text NOT NULL UNIQUE,
  -- Returned when a report is accepted; exchanged for the id at GET tokens/{token}.
  token text NOT NULL UNIQUE,
  -- Idempotency-Key header of the POST that created it: a retry with the same key finds this row.
  idempotency_key text UNIQUE,
  request_fingerprint text,
  service_code text NOT NULL,
  service_name text NOT NULL,
  -- Open311 status: open | closed. extended_status holds mySociety's finer status.
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  extended_status text NOT NULL DEFAULT 'open',
  status_notes text,
  description text,
  agency_responsible text NOT NULL,
  service_notice text,
  requested_datetime timestamptz NOT NULL DEFAULT now(),
  updated_datetime timestamptz NOT NULL DEFAULT now(),
  expected_datetime timestamptz,
  address text,
  address_id text,
  zipcode text,
  lat double precision,
  long double precision,
  media_url text,
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Personal data of the reporter (email, names, phone, device_id, account_id): never in GET output.
  reporter jsonb NOT NULL DEFAULT '{}'::jsonb,
  public_anonymity_required boolean NOT NULL DEFAULT false,
  -- Where the routing sent it: {"team": …, "email": …, "parish": …}.
  routing jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE SEQUENCE service_request_numbers START 1001 OWNED BY service_requests.id;
CREATE INDEX service_requests_requested_idx ON service_requests (requested_datetime);
CREATE INDEX service_requests_updated_idx ON service_requests (updated_datetime);
CREATE INDEX service_requests_service_code_idx ON service_requests (service_code);
CREATE INDEX service_requests_lat_long_idx ON service_requests (lat, long);

CREATE TABLE service_request_updates (
  update_id bigserial PRIMARY KEY,
  service_request_id text NOT NULL REFERENCES service_requests (service_request_id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  extended_status text NOT NULL,
  description text NOT NULL,
  media_url text,
  updated_datetime timestamptz NOT NULL DEFAULT now(),
  -- Which staff key posted it (its name from the config, never the key).
  posted_by text,
  idempotency_key text UNIQUE
);
CREATE INDEX service_request_updates_request_idx ON service_request_updates (service_request_id);
CREATE INDEX service_request_updates_datetime_idx ON service_request_updates (updated_datetime);

-- People who want an email when a case changes: the reporter who opted in (confirmed at once)
-- and anyone who subscribed through the case tracker and confirmed by the emailed link.
CREATE TABLE subscriptions (
  id bigserial PRIMARY KEY,
  service_request_id text NOT NULL REFERENCES service_requests (service_request_id) ON DELETE CASCADE,
  email text NOT NULL,
  token text NOT NULL UNIQUE,
  source text NOT NULL CHECK (source IN ('reporter', 'subscriber')),
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  UNIQUE (service_request_id, email)
);

-- Uploaded photos, EXIF stripped, kept in the database so any process behind a load balancer
-- can serve them.
CREATE TABLE media (
  id text PRIMARY KEY,
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  width integer,
  height integer,
  -- Idempotency-Key of the upload: a retried upload returns the first stored photo.
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Mail caught by the in-process dev SMTP server (only used when SMTP_URL is not set).
CREATE TABLE dev_mailbox (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now(),
  mail_from text,
  mail_to text,
  subject text,
  text_body text,
  html_body text
);
