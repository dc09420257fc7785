-- Asking for an alert again must not let a stranger unconfirm someone's alerts or fill their
-- inbox: an active alert keeps its choices until the emailed link confirms the new ones (held in
-- `requested`), and `confirmation_sent_at` spaces out the confirmation emails (consultations/alerts.ts).
ALTER TABLE consultation_alerts ADD COLUMN confirmation_sent_at timestamptz;
ALTER TABLE consultation_alerts ADD COLUMN requested jsonb;
CREATE INDEX consultation_alerts_email_idx ON consultation_alerts (email);
