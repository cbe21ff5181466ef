-- Rounds of talks with the complainant (SPEC §11, 002 "三次沟通仍不能协调一致"):
-- `contact --outcome disagreed` counts a round that ended without agreement;
-- reaching the setting rule.disagreed_talks raises a general complaint to
-- important. An agreed round does not reset the count: the seed counts the
-- rounds of talks, not a streak. Complaints recorded before outcomes were
-- recorded have no failed round on record, so they start at 0.

ALTER TABLE complaints ADD COLUMN disagreed_talks INTEGER NOT NULL DEFAULT 0 CHECK (disagreed_talks >= 0);
