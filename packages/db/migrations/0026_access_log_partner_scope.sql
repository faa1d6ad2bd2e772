-- A partner user (police, Halt) logs only into the chain of a stichting it works with
-- (partner_links), not into any stichting's chain (0019 allowed any, which let a partner add noise
-- to a stranger's log). Staff still log only into their own stichting's chain.
DROP POLICY access_log_insert ON access_log;
--> statement-breakpoint
CREATE POLICY access_log_insert ON access_log FOR INSERT TO baken_app WITH CHECK (
  user_id = (SELECT ctx_user_id())
  AND role::text = (SELECT ctx_role())
  AND partner_id IS NOT DISTINCT FROM (SELECT ctx_partner_id())
  AND (stichting_id = (SELECT ctx_stichting_id())
       OR ((SELECT ctx_partner_id()) IS NOT NULL
           AND EXISTS (SELECT 1 FROM partner_links pl
                       WHERE pl.partner_id = (SELECT ctx_partner_id()) AND pl.stichting_id = access_log.stichting_id)))
  AND (school_id IS NULL OR (SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id()))
);
