-- Custom SQL migration file, put your code below! --
-- hand-written: votes opened before their close went on the clock engine (kind vote.close) get their
-- pending close now, so the sweep closes them at their time like any vote opened since.
INSERT INTO clock_deadlines (kind, subject_id, stage, light, at)
SELECT 'vote.close', v.id, 'open', 'red', v.closes_at
  FROM owner_votes v
 WHERE v.state = 'open'
   AND NOT EXISTS (SELECT 1 FROM clock_deadlines d WHERE d.kind = 'vote.close' AND d.subject_id = v.id);
