-- Email delivery of the notification outbox. A row is 'queued' until the mail worker claims it ('sending', with
-- a lease in next_attempt_at and one more attempt), then 'sent' (sent_at), 'skipped' (nothing to send: the
-- message is covered by another, e.g. the shopper's one email per checkout), 'retry' (due again at
-- next_attempt_at after a growing wait) or, after the last attempt, 'failed' with the error code, which staff
-- see and may retry. Rows written before email existed are not sent late: they start as 'skipped'.
ALTER TABLE notifications ADD COLUMN mail_status TEXT NOT NULL DEFAULT 'queued';
ALTER TABLE notifications ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE notifications ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
UPDATE notifications SET mail_status = 'skipped';
CREATE INDEX notifications_mail_due ON notifications (mail_status, next_attempt_at, id);
