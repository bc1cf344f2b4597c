-- Recent CloudTrail activity as of the dashboard's last refresh (the trail itself lives in S3;
-- keeping the last window here lets a restarted dashboard, or one with --refresh off, show it).
CREATE TABLE dashboard_activity (
    account     TEXT NOT NULL,
    time        TEXT NOT NULL,
    user_name   TEXT,
    event       TEXT NOT NULL,
    resource_id TEXT,
    region      TEXT,
    source_ip   TEXT
);
CREATE INDEX dashboard_activity_time ON dashboard_activity (account, time);
