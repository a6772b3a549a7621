-- The panel language a user chose on /account (a code such as 'fr');
-- NULL: the browser's.
ALTER TABLE users ADD COLUMN language TEXT;
