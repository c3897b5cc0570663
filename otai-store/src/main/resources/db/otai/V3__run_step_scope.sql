-- Where in its run each step ran ('' at the top, 'item 3' in a for-each's fourth item), so that the console and
-- `otai runs show` can show each for-each item's steps together. Steps recorded before this column existed have ''.
ALTER TABLE run_steps ADD COLUMN scope VARCHAR(400) DEFAULT '' NOT NULL;
