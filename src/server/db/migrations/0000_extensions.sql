-- pg_trgm indexes Chinese substrings (needs a C.UTF-8 or UTF-8 lc_ctype; checked at start-up).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
