-- Hand-written: while a signed-in user has not yet chosen the organisation they act for (no
-- stichting or partner context), they may read the names of the organisations they are a member of,
-- so the organisation switcher can list them. Once an organisation is chosen, only the tenant
-- policies of 0001 apply.
CREATE POLICY stichtingen_member_of ON stichtingen FOR SELECT TO baken_app USING (
  (SELECT ctx_stichting_id()) IS NULL AND (SELECT ctx_partner_id()) IS NULL
  AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = (SELECT ctx_user_id()) AND m.stichting_id = stichtingen.id)
);
--> statement-breakpoint
CREATE POLICY schools_member_of ON schools FOR SELECT TO baken_app USING (
  (SELECT ctx_stichting_id()) IS NULL AND (SELECT ctx_partner_id()) IS NULL
  AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = (SELECT ctx_user_id()) AND m.school_id = schools.id)
);
