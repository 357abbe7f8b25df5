-- 首接负责制: a resident's or another system's report has no first contact until the centre accepts
-- it (the reporter is not staff); cases filed before this rule took the reporter. Give them the
-- dispatcher who accepted, or nobody if not yet accepted.
UPDATE cases SET first_contact_user_id = (
  SELECT e.actor_id FROM case_events e WHERE e.case_id = cases.id AND e.type = 'accept' ORDER BY e.seq LIMIT 1
) WHERE channel IN ('resident_web', 'api');
