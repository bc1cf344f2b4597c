-- Cost Explorer charges for every request: its answers are kept here with the time they were
-- fetched and reused until they are older than the configured age (or --refresh).
CREATE TABLE ce_answer (
    account     TEXT NOT NULL,
    request_key TEXT NOT NULL,  -- operation and its parameters, canonical
    answer      TEXT NOT NULL,  -- JSON of labcloud's reading of the answer
    fetched_at  TEXT NOT NULL,
    PRIMARY KEY (account, request_key)
);

-- The last spend reports (`labcloud cost`), as their JSON documents: the dashboard's Spend page reads them.
CREATE TABLE spend_report (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    account      TEXT NOT NULL,
    generated_at TEXT NOT NULL,
    document     TEXT NOT NULL
);
CREATE INDEX spend_report_account ON spend_report (account, generated_at);
