-- The dev mailbox keeps each caught message's headers, so List-Unsubscribe can be seen and checked.
ALTER TABLE dev_mailbox ADD COLUMN headers jsonb;
