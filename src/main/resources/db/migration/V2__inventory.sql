-- Inventory snapshots: one row per `labcloud inventory` run and one per resource it found, so that
-- --changes can compare runs and the dashboard can show the latest state and its history.
CREATE TABLE inventory_snapshot (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    account        TEXT,
    generated_at   TEXT NOT NULL,
    regions        TEXT NOT NULL,  -- JSON array
    types          TEXT NOT NULL,  -- JSON array of the resource types collected
    errors         TEXT NOT NULL,  -- JSON array of {region, service, message, auth}
    resource_count INTEGER NOT NULL,
    monthly_cost   REAL NOT NULL   -- sum of the known costs
);
CREATE INDEX inventory_snapshot_account ON inventory_snapshot (account, generated_at);

CREATE TABLE inventory_resource (
    snapshot_id  INTEGER NOT NULL REFERENCES inventory_snapshot (id) ON DELETE CASCADE,
    type         TEXT NOT NULL,
    id           TEXT NOT NULL,
    region       TEXT NOT NULL,
    name         TEXT,
    state        TEXT,
    created_at   TEXT,
    monthly_cost REAL,
    tags         TEXT NOT NULL,    -- JSON object
    details      TEXT NOT NULL,    -- JSON object
    PRIMARY KEY (snapshot_id, type, region, id)
);
CREATE INDEX inventory_resource_id ON inventory_resource (type, id);
