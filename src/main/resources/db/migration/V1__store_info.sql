-- The store's own metadata; capabilities add their tables in later migrations.
CREATE TABLE store_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_info (key, value) VALUES ('created_by', 'labcloud');
