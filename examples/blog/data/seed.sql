-- The seeded content of a new database (the same for the C++ site and the Tornado twin,
-- so that their pages can be compared byte for byte). The demo author signs in with
-- demo@example.com / demo.
INSERT INTO authors (id, email, name, password_salt, password_hash) VALUES
  (1, 'demo@example.com', 'Ada Demo', 'squall-demo-salt',
   'ddf5ae171fdd5cf2f0e3ffb7054521b5cea712a416c151ca29774e8845a461fc');
INSERT INTO entries (id, author_id, slug, title, body, published, updated) VALUES
  (1, 1, 'hello-squall', 'Hello, Squall',
   'This blog is a Tornado application whose templates were compiled to C++.

Every page you see was rendered by generated code: no Python runs on this server.',
   '2026-10-04 09:00:00', '2026-10-04 09:00:00'),
  (2, 1, 'templates-unchanged', 'The templates did not change',
   'The same files are served by a small Tornado app in the repository, and the two produce the same bytes.

A test checks that, page by page.',
   '2026-10-19 17:30:00', '2026-10-20 08:15:00'),
  (3, 1, 'escaping', 'Escaping <b>tags</b> & "quotes"',
   'Titles and text are escaped exactly as Tornado escapes them: <script>alert(1)</script> stays text.',
   '2026-11-02 12:00:00', '2026-11-02 12:00:00'),
  (4, 1, 'ui-modules', 'UI modules bring their own CSS and JavaScript',
   'The Entry module is a folder: a template, embedded CSS, embedded JavaScript and a signature.

Its resources are injected once per page, however many entries it renders.

The reading time beside each date is computed by that JavaScript.',
   '2026-11-15 08:45:00', '2026-11-15 08:45:00'),
  (5, 1, 'unicode', 'Ünïcödé, ελληνικά and right-to-left עברית',
   'Text is UTF-8 all the way: naïve café, Ελλάδα, 5 € → 6 €.',
   '2026-11-28 21:10:00', '2026-11-28 21:10:00'),
  (6, 1, 'translations', 'Translations from a CSV file',
   'Switch the language with the links at the top, or with your browser''s Accept-Language header.

The strings come from translations/es.csv, read as Tornado reads it.',
   '2026-12-01 10:00:00', '2026-12-01 10:00:00');
