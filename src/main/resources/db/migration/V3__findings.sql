-- Audit findings with their history: when each problem was first and last seen, and when it went away.
CREATE TABLE findings (
    account       TEXT NOT NULL,
    finding_key   TEXT NOT NULL,
    rule          TEXT NOT NULL,
    severity      TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    region        TEXT,
    message       TEXT NOT NULL,
    owner         TEXT,
    monthly_cost  REAL,
    first_seen    TEXT NOT NULL,
    last_seen     TEXT NOT NULL,
    resolved_at   TEXT,
    PRIMARY KEY (account, finding_key)
);
CREATE INDEX findings_open ON findings (account, resolved_at);
