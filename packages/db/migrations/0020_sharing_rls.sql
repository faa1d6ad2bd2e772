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
  stichting_id = (SELECT ctx_stichting_id()) AND status = 'concept' AND created_by_id = (SELECT ctx_user_id())
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
--> statement-breakpoint
-- Only the bevoegd gezag (bestuurder) approves an agreement, and an approved or ended agreement's
-- content no longer changes (only its end). The migration owner (demo seed) is not bound.
CREATE FUNCTION sharing_agreements_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> 'baken_app' THEN RETURN NEW; END IF;
  IF NEW.status = 'goedgekeurd' AND OLD.status = 'concept' THEN
    IF ctx_role() IS DISTINCT FROM 'bestuurder' OR NEW.approved_by_id IS DISTINCT FROM ctx_user_id() THEN
      RAISE EXCEPTION 'only the bevoegd gezag approves a sharing agreement' USING ERRCODE = '42501';
    END IF;
  ELSIF NEW.status = 'beeindigd' AND OLD.status <> 'beeindigd' THEN
    NULL;
  ELSIF OLD.status <> 'concept' OR NEW.status <> OLD.status THEN
    RAISE EXCEPTION 'an approved or ended sharing agreement cannot be changed' USING ERRCODE = '42501';
  END IF;
  IF OLD.status <> 'concept' AND (NEW.title, NEW.public_interest, NEW.partnership, NEW.purposes, NEW.data_categories,
      NEW.conditions, NEW.recipients, NEW.legal_basis, NEW.valid_from, NEW.valid_until, NEW.retention_days,
      NEW.partner_id, NEW.school_id, NEW.stichting_id)
      IS DISTINCT FROM (OLD.title, OLD.public_interest, OLD.partnership, OLD.purposes, OLD.data_categories,
      OLD.conditions, OLD.recipients, OLD.legal_basis, OLD.valid_from, OLD.valid_until, OLD.retention_days,
      OLD.partner_id, OLD.school_id, OLD.stichting_id) THEN
    RAISE EXCEPTION 'an approved or ended sharing agreement cannot be changed' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sharing_agreements_guard BEFORE UPDATE ON sharing_agreements
  FOR EACH ROW EXECUTE FUNCTION sharing_agreements_guard();
--> statement-breakpoint
-- A share, once made, changes only by being revoked, once (who, when, why).
CREATE FUNCTION shares_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> 'baken_app' THEN RETURN NEW; END IF;
  IF OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
     OR NEW.revoked_by_id IS DISTINCT FROM ctx_user_id()
     OR (NEW.agreement_id, NEW.partner_id, NEW.recipient_user_ids, NEW.purpose, NEW.legal_basis, NEW.fields,
         NEW.origin, NEW.note, NEW.approved_by_id, NEW.approved_at, NEW.expires_at, NEW.created_by_id,
         NEW.school_id, NEW.stichting_id)
        IS DISTINCT FROM (OLD.agreement_id, OLD.partner_id, OLD.recipient_user_ids, OLD.purpose, OLD.legal_basis, OLD.fields,
         OLD.origin, OLD.note, OLD.approved_by_id, OLD.approved_at, OLD.expires_at, OLD.created_by_id,
         OLD.school_id, OLD.stichting_id) THEN
    RAISE EXCEPTION 'a share can only be revoked, once' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER shares_guard BEFORE UPDATE ON shares FOR EACH ROW EXECUTE FUNCTION shares_guard();
--> statement-breakpoint
-- The users of a partner organisation a school may name as recipients of a share: only for a
-- stichting the partner works with (partner_links), or for the partner's own users. Names only.
CREATE FUNCTION share_recipient_candidates(p_partner uuid) RETURNS TABLE (user_id uuid, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT u.id, u.name
  FROM memberships m JOIN users u ON u.id = m.user_id
  WHERE m.partner_id = p_partner AND m.role::text IN ('politie', 'halt_medewerker')
    AND (ctx_partner_id() = p_partner
         OR EXISTS (SELECT 1 FROM partner_links pl WHERE pl.partner_id = p_partner AND pl.stichting_id = ctx_stichting_id()
                      AND (pl.school_id IS NULL OR ctx_school_id() IS NULL OR pl.school_id = ctx_school_id())))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION share_recipient_candidates(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION share_recipient_candidates(uuid) TO baken_app;
--> statement-breakpoint
-- The students of a share, for the access log of a recipient's look (a partner has no policy on
-- share_students): only for a share active for the caller, and only their ids.
CREATE FUNCTION shared_record_students(p_share uuid) RETURNS TABLE (student_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT ss.student_id FROM share_students ss JOIN shares s ON s.id = ss.share_id
  WHERE s.id = p_share AND ctx_share_active(s.partner_id, s.recipient_user_ids, s.expires_at, s.revoked_at)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION shared_record_students(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION shared_record_students(uuid) TO baken_app;
