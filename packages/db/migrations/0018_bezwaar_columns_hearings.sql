-- Hand-written: the bezwaar's reasons, lateness and decider, and search-attempt notes, were kept in
-- measure_transitions.data (issue 4, first cut). 0017 added columns; this fills them from the
-- recorded steps. Verwijdering hearings follow their measure's visibility (as 0015).
UPDATE bezwaren b SET
  reasons = t.data->>'reasons',
  decided_by_id = t.by_id
FROM measure_transitions t
WHERE t.data->>'event' = 'bezwaar_beslist' AND (t.data->>'bezwaarId')::uuid = b.id;
--> statement-breakpoint
UPDATE bezwaren b SET
  late = coalesce((t.data->>'late')::boolean, false),
  late_reason = t.data->>'lateReason'
FROM measure_transitions t
WHERE t.data->>'event' = 'bezwaar_ontvangen' AND (t.data->>'bezwaarId')::uuid = b.id;
--> statement-breakpoint
UPDATE removal_search_attempts a SET note = t.data->>'note'
FROM measure_transitions t
WHERE t.data->>'event' = 'zoekpoging' AND (t.data->>'attemptId')::uuid = a.id;
--> statement-breakpoint
ALTER TABLE bezwaren ADD CONSTRAINT bezwaren_late_reason
  CHECK (NOT late OR length(trim(coalesce(late_reason, ''))) > 0);
--> statement-breakpoint
GRANT SELECT, INSERT ON removal_hearings TO baken_app;
--> statement-breakpoint
ALTER TABLE removal_hearings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE removal_hearings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY owner_all ON removal_hearings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY measure_visible ON removal_hearings TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_id))
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_id));
