-- The blog's tables. Run by the C++ server and by the Tornado twin when the database file
-- is new; every statement is idempotent.
CREATE TABLE IF NOT EXISTS authors (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- PBKDF2-HMAC-SHA256 of the password, 20000 rounds, hex; the salt is stored beside it.
  password_salt TEXT NOT NULL,
  password_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
  id INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES authors(id),
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  -- UTC, "YYYY-MM-DD HH:MM:SS": sorts as text, and templates slice the date out of it.
  published TEXT NOT NULL,
  updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_published ON entries(published);
