-- The parents' portal, continued (ADR 042, ADR 033): sign-in links for family accounts, the school's
-- mail when a bezwaar arrives through the portal, the staff's paper "voor gezien" on a measure's
-- released items, and the purge plan's portal rows. Each part is explained where it starts.
-- Sign-in by e-mail link for family accounts (ouder, leerling; ADR 042). A link carries a random
-- token; the database keeps only its SHA-256, the token itself is only in the mail (account mail,
-- through the outbox, under no stichting). A link works once and for at most 15 minutes (the CHECK
-- below). Only an account whose every membership is a family one gets a link: staff sign in with
-- their password, passkey or single sign-on, whose policies (a required second factor, SSO only)
-- a mailed link would walk around. The requester is not signed in and the answer must not reveal
-- whether the address exists, so the application role reaches the table only through three
-- SECURITY DEFINER functions, as with password resets (0047):
--   * request_sign_in_link: makes a row and queues the mail for an active family-only account;
--     returns nothing either way;
--   * sign_in_link_by_token: the state of exactly the link whose token hash it is given;
--   * redeem_sign_in_link: locks that row, checks it is open and the account still family-only,
--     marks it used and answers the user's id; the caller then opens a session (method
--     'email_link'), which still owes the account's second factor when it has one.
CREATE TABLE "sign_in_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "sign_in_links_expiry" CHECK ("sign_in_links"."expires_at" > "sign_in_links"."created_at" AND "sign_in_links"."expires_at" <= "sign_in_links"."created_at" + interval '15 minutes')
);
--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD CONSTRAINT "sign_in_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_links_token_hash_key" ON "sign_in_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sign_in_links_user_idx" ON "sign_in_links" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "sign_in_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sign_in_links" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_all ON sign_in_links TO %I USING (true) WITH CHECK (true)', current_user);
END $$;--> statement-breakpoint
-- A session opened by such a link records so (as a passkey or single sign-on session does).
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_method";--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_method" CHECK ("sessions"."method" in ('password', 'passkey', 'sso', 'email_link'));--> statement-breakpoint
-- The link's mail is account mail: under no stichting, and its body is never shown to whoever reads
-- a stichting's outbox (a sign-in link in someone else's hands is that account in their hands).
ALTER TABLE outbox DROP CONSTRAINT outbox_account_mail_only_without_stichting;--> statement-breakpoint
ALTER TABLE outbox ADD CONSTRAINT outbox_account_mail_only_without_stichting
  CHECK (stichting_id IS NOT NULL OR subject_ref ~ '^(invitation|password-reset|account-notice|sign-in-link):');--> statement-breakpoint
CREATE OR REPLACE FUNCTION outbox_message_body(p_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.text FROM outbox o
  WHERE o.id = p_id
    AND o.stichting_id = ctx_stichting_id()
    AND (ctx_school_id() IS NULL OR o.school_id = ctx_school_id())
    AND ctx_role() IN ('directeur', 'stichtingbeheerder', 'bestuurder')
    AND coalesce(o.subject_ref, '') !~ '^(invitation|password-reset|account-notice|sign-in-link):'
$$;--> statement-breakpoint
-- An active account with at least one membership, every one of them a family role.
CREATE FUNCTION family_only_account(p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = p_user AND u.disabled_at IS NULL)
     AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = p_user)
     AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = p_user AND m.role::text NOT IN ('ouder', 'leerling'))
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION family_only_account(uuid) FROM PUBLIC;--> statement-breakpoint
-- Queues the link's mail for an active family-only account. The caller composes subject and body for
-- every address (the same work whether or not it exists); p_token_hash is the link's.
CREATE FUNCTION request_sign_in_link(p_email text, p_token_hash text, p_subject text, p_text text, p_html text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  uid uuid;
  rid uuid;
BEGIN
  SELECT u.id INTO uid FROM users u WHERE u.email = lower(trim(p_email)) AND u.disabled_at IS NULL;
  IF uid IS NULL OR NOT family_only_account(uid) THEN RETURN; END IF;
  INSERT INTO sign_in_links (user_id, token_hash, expires_at) VALUES (uid, p_token_hash, now() + interval '15 minutes')
    RETURNING id INTO rid;
  INSERT INTO outbox (stichting_id, subject_ref, to_address, subject, text, html)
    VALUES (NULL, 'sign-in-link:' || rid::text, lower(trim(p_email)), p_subject, p_text, p_html);
END
$$;
--> statement-breakpoint
-- The state of one link: 'open', 'used', 'expired' or 'refused' (the account was switched off or is
-- no longer family-only); null for a token that opens no link.
CREATE FUNCTION sign_in_link_by_token(p_token_hash text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT jsonb_build_object(
    'email', u.email,
    'state', CASE WHEN l.used_at IS NOT NULL THEN 'used'
                  WHEN l.expires_at <= now() THEN 'expired'
                  WHEN NOT family_only_account(u.id) THEN 'refused'
                  ELSE 'open' END)
  FROM sign_in_links l JOIN users u ON u.id = l.user_id
  WHERE l.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- Spends the link: answers {outcome: 'signed_in', user_id} once, or {outcome: the state} otherwise.
-- Every other open link of the account is spent with it (the newest mail is not a second key).
CREATE FUNCTION redeem_sign_in_link(p_token_hash text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  l sign_in_links%ROWTYPE;
BEGIN
  SELECT * INTO l FROM sign_in_links WHERE token_hash = p_token_hash FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF l.used_at IS NOT NULL THEN RETURN jsonb_build_object('outcome', 'used'); END IF;
  IF l.expires_at <= now() THEN RETURN jsonb_build_object('outcome', 'expired'); END IF;
  PERFORM 1 FROM users WHERE id = l.user_id FOR UPDATE;
  IF NOT family_only_account(l.user_id) THEN RETURN jsonb_build_object('outcome', 'refused'); END IF;
  UPDATE sign_in_links SET used_at = now() WHERE user_id = l.user_id AND used_at IS NULL;
  RETURN jsonb_build_object('outcome', 'signed_in', 'user_id', l.user_id);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION request_sign_in_link(text, text, text, text, text), sign_in_link_by_token(text), redeem_sign_in_link(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION request_sign_in_link(text, text, text, text, text), sign_in_link_by_token(text), redeem_sign_in_link(text) TO baken_app;
--> statement-breakpoint
-- A bezwaar filed in the portal is announced to the school (Awb art. 6:4: it is lodged with the
-- bevoegd gezag; the school handles the measure): a mail without content to every active directeur
-- of the school and bestuurder of the stichting, through the stichting's outbox. The family cannot
-- read memberships nor write the outbox, so this SECURITY DEFINER function does it, once per
-- bezwaar, only for a bezwaar the caller filed through the portal.
CREATE FUNCTION family_notify_bezwaar(p_bezwaar uuid, p_subject text, p_text text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  b bezwaren%ROWTYPE;
  n integer;
BEGIN
  IF NOT coalesce(ctx_is_family(), false) THEN RETURN 0; END IF;
  SELECT * INTO b FROM bezwaren WHERE id = p_bezwaar AND received_via = 'portaal' AND recorded_by_id = ctx_user_id()
    AND school_id = ctx_school_id() AND stichting_id = ctx_stichting_id();
  IF NOT FOUND THEN RETURN 0; END IF;
  IF EXISTS (SELECT 1 FROM outbox o WHERE o.stichting_id = b.stichting_id AND o.subject_ref = 'bezwaar:' || b.id::text) THEN RETURN 0; END IF;
  INSERT INTO outbox (stichting_id, school_id, subject_ref, to_address, subject, text, created_by_id)
    SELECT DISTINCT ON (u.email) b.stichting_id, b.school_id, 'bezwaar:' || b.id::text, u.email, p_subject, p_text, ctx_user_id()
    FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE u.disabled_at IS NULL AND m.stichting_id = b.stichting_id
      AND ((m.role = 'directeur' AND m.school_id = b.school_id) OR m.role = 'bestuurder')
    ORDER BY u.email;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION family_notify_bezwaar(uuid, text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION family_notify_bezwaar(uuid, text, text) TO baken_family;
--> statement-breakpoint
-- Staff record a paper or in-person "voor gezien" on a measure's released letter or report (the
-- school safety protocol: the parents sign the report), as they do on an incident's report: a row
-- like the portal's, by the signed-in staff member, never 'digitaal' (that is the family's own), on
-- an item released for that measure and pupil at the caller's school. Append-only: no UPDATE or
-- DELETE grant.
GRANT INSERT ON measure_acknowledgements TO baken_app;--> statement-breakpoint
CREATE POLICY measure_acknowledgements_staff_record ON measure_acknowledgements FOR INSERT TO baken_app
  WITH CHECK (method <> 'digitaal' AND reaction IS NULL
              AND recorded_by_id = (SELECT ctx_user_id())
              AND stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
              AND EXISTS (SELECT 1 FROM portal_items p
                          WHERE p.id = measure_acknowledgements.portal_item_id AND p.measure_id = measure_acknowledgements.measure_id
                            AND p.student_id = measure_acknowledgements.student_id AND p.school_id = measure_acknowledgements.school_id)
              AND EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_acknowledgements.measure_id));
--> statement-breakpoint
-- The purge's plan names the parents' portal rows of each pupil file it removes: the items
-- released about the pupil and the "voor gezien" on the pupil's measures (both go with the file,
-- the acknowledgements with their measure). The dry run shows them, and the purge's check that
-- nothing changed since the dry run covers them too. The plan of 0021 is kept as it was, under
-- another name, and this function adds the two lists to each pupil's entry.
ALTER FUNCTION privacy_purge_plan(uuid, date) RENAME TO privacy_purge_plan_dossier;--> statement-breakpoint
CREATE FUNCTION privacy_purge_plan(p_stichting uuid, p_as_of date) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT jsonb_set(plan, '{leerlingdossier}', coalesce((
    SELECT jsonb_agg(e || jsonb_build_object(
      'portalItems', coalesce((SELECT jsonb_agg(p.id ORDER BY p.id) FROM portal_items p
                                WHERE p.stichting_id = p_stichting AND p.student_id = (e->>'studentId')::uuid), '[]'::jsonb),
      'measureAcknowledgements', coalesce((SELECT jsonb_agg(a.id ORDER BY a.id) FROM measure_acknowledgements a
                                WHERE a.stichting_id = p_stichting AND a.student_id = (e->>'studentId')::uuid), '[]'::jsonb)) ORDER BY t.ord)
    FROM jsonb_array_elements(plan->'leerlingdossier') WITH ORDINALITY AS t(e, ord)), '[]'::jsonb))
  FROM privacy_purge_plan_dossier(p_stichting, p_as_of) AS plan
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION privacy_purge_plan(uuid, date) FROM PUBLIC;
