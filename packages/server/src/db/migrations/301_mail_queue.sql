-- The durable mail queue (mail/queue.ts): every email is a row here before it is sent, so
-- nothing is lost if the process dies between a report being saved and its email going out.
-- Workers claim rows with SELECT … FOR UPDATE SKIP LOCKED and lease them (locked_until);
-- failures are retried with exponential backoff, then kept with their last error.
CREATE TABLE mail_queue (
  id bigserial PRIMARY KEY,
  -- What to do: "mail" (a rendered message) or a kind a domain registered (e.g. "report-receipt").
  kind text NOT NULL,
  payload jsonb NOT NULL,
  -- Idempotency: a job whose key is already here (queued or done) is not queued again.
  key text UNIQUE,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_error text,
  done_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_queue_due_idx ON mail_queue (next_attempt_at, id) WHERE done_at IS NULL AND failed_at IS NULL;
