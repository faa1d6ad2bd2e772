-- Hand-written: purpose-bound sharing (issue 5, BRIEF §5). The stichting's side sees its agreements
-- and shares; a partner sees the agreements it is party to and, while a share is active (approved,
-- not expired, not revoked, addressed to the user or to the whole partner), that share and its items,
-- which hold only the chosen fields. Partners have no policy on incidents or students at all.
GRANT SELECT, INSERT, UPDATE ON sharing_agreements, shares TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON share_items, share_students TO baken_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sharing_agreements','shares','share_items','share_students']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE FUNCTION ctx_is_partner() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(ctx_role() IN ('politie','halt_medewerker'), false) AND ctx_partner_id() IS NOT NULL $$;
--> statement-breakpoint
-- Agreements: the stichting's roles and the staff of the school it covers (or all schools for a
-- stichting-wide agreement) read them; the partner reads its own.
CREATE POLICY sharing_agreements_read ON sharing_agreements FOR SELECT TO baken_app USING (
  (stichting_id = (SELECT ctx_stichting_id())
    AND ((SELECT ctx_school_id()) IS NULL OR school_id IS NULL OR school_id = (SELECT ctx_school_id())))
  OR ((SELECT ctx_is_partner()) AND partner_id = (SELECT ctx_partner_id()) AND status <> 'concept')
);
--> statement-breakpoint
-- Drafted by the privacyfunctionaris, the bestuurder or the directeur (own school); approved by the
-- bevoegd gezag (the domain checks who approves).
CREATE POLICY sharing_agreements_write ON sharing_agreements FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id())
  AND ((SELECT ctx_role()) IN ('bestuurder','privacyfunctionaris') AND (SELECT ctx_school_id()) IS NULL
       OR (SELECT ctx_role()) = 'directeur' AND school_id = (SELECT ctx_school_id()))
);
--> statement-breakpoint
CREATE POLICY sharing_agreements_update ON sharing_agreements FOR UPDATE TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id())
  AND ((SELECT ctx_role()) IN ('bestuurder','privacyfunctionaris') AND (SELECT ctx_school_id()) IS NULL
       OR (SELECT ctx_role()) = 'directeur' AND school_id = (SELECT ctx_school_id()))
) WITH CHECK (stichting_id = (SELECT ctx_stichting_id()));
--> statement-breakpoint
-- Shares: the school's staff who may share (directeur, IB, and the leerkracht for a Halt referral,
-- which the domain limits), the stichting's bestuurder and privacyfunctionaris (oversight, revoking);
-- the partner while active.
CREATE FUNCTION ctx_share_active(p_partner uuid, p_recipients uuid[], p_expires timestamptz, p_revoked timestamptz)
RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ctx_is_partner() AND p_partner = ctx_partner_id() AND p_revoked IS NULL AND p_expires > now()
     AND (cardinality(p_recipients) = 0 OR ctx_user_id() = ANY (p_recipients))
$$;
--> statement-breakpoint
CREATE POLICY shares_read ON shares FOR SELECT TO baken_app USING (
  (stichting_id = (SELECT ctx_stichting_id())
    AND ((SELECT ctx_is_school_staff()) AND school_id = (SELECT ctx_school_id())
         OR (SELECT ctx_role()) IN ('bestuurder','privacyfunctionaris') AND (SELECT ctx_school_id()) IS NULL))
  OR ctx_share_active(partner_id, recipient_user_ids, expires_at, revoked_at)
);
--> statement-breakpoint
CREATE POLICY shares_insert ON shares FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND (SELECT ctx_role()) IN ('directeur','intern_begeleider','leerkracht')
  AND created_by_id = (SELECT ctx_user_id())
);
--> statement-breakpoint
CREATE POLICY shares_update ON shares FOR UPDATE TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id())
  AND ((SELECT ctx_role()) IN ('directeur','intern_begeleider') AND school_id = (SELECT ctx_school_id())
       OR (SELECT ctx_role()) = 'privacyfunctionaris' AND (SELECT ctx_school_id()) IS NULL)
) WITH CHECK (stichting_id = (SELECT ctx_stichting_id()));
--> statement-breakpoint
-- Items follow their share (the share's own policy decides, including the partner's active check).
CREATE POLICY share_items_read ON share_items FOR SELECT TO baken_app USING (
  EXISTS (SELECT 1 FROM shares s WHERE s.id = share_id)
);
--> statement-breakpoint
CREATE POLICY share_items_insert ON share_items FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND EXISTS (SELECT 1 FROM shares s WHERE s.id = share_id AND s.partner_id = share_items.partner_id)
);
--> statement-breakpoint
-- Which students a share concerns: the stichting's side only (partners get the items' payload).
CREATE POLICY share_students_read ON share_students FOR SELECT TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id()) AND EXISTS (SELECT 1 FROM shares s WHERE s.id = share_id)
);
--> statement-breakpoint
CREATE POLICY share_students_insert ON share_students FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND EXISTS (SELECT 1 FROM shares s WHERE s.id = share_id)
);
