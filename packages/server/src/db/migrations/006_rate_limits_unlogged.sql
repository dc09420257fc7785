-- Rate-limit counters are not worth a disk flush: a POST's upsert on its client's row commits
-- without waiting for the WAL to reach the disk, and releases the row at once, so one client's
-- requests (or many behind one proxy) no longer queue behind each other's fsync. After a crash
-- PostgreSQL empties an unlogged table: every window starts again, which a limiter can afford.
ALTER TABLE rate_limits SET UNLOGGED;
