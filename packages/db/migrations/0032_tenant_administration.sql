-- Tenants and organisations administered in the app. The platform_beheerder creates stichtingen
-- (with their KvK number and DUO's bevoegd gezag number) and partner organisations, and suspends a
-- stichting (suspended_at: its members' sessions and tokens stop acting for it until it is lifted);
-- it reads counts of use through platform_usage_counts(), never names. The stichtingbeheerder adds
-- and edits its own stichting's schools (with a postal address) and links partner organisations to
-- them; groups already had tenant-pinned writes (0001). Formats: KvK number 8 digits (Handelsregisterwet
-- 2007, Handelsregisterbesluit art. 9); DUO's bevoegd gezag number 5 digits; a Dutch postcode 4
-- digits (not starting with 0), a space and 2 capitals. The new columns stay null for records made
-- before this migration; the application requires them for new ones.
ALTER TABLE "stichtingen" ADD COLUMN "kvk_number" text;--> statement-breakpoint
ALTER TABLE "stichtingen" ADD COLUMN "bevoegd_gezag_number" text;--> statement-breakpoint
ALTER TABLE "stichtingen" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stichtingen" ADD CONSTRAINT "stichtingen_kvk_format" CHECK ("kvk_number" ~ '^[0-9]{8}$');--> statement-breakpoint
ALTER TABLE "stichtingen" ADD CONSTRAINT "stichtingen_bevoegd_gezag_format" CHECK ("bevoegd_gezag_number" ~ '^[0-9]{5}$');--> statement-breakpoint
CREATE UNIQUE INDEX "stichtingen_kvk_key" ON "stichtingen" USING btree ("kvk_number");--> statement-breakpoint
CREATE UNIQUE INDEX "stichtingen_bevoegd_gezag_key" ON "stichtingen" USING btree ("bevoegd_gezag_number");--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_postcode_format" CHECK ("postcode" ~ '^[1-9][0-9]{3} [A-Z]{2}$');--> statement-breakpoint
-- The platform_beheerder creates stichtingen and sets or lifts their suspension (no other column).
GRANT INSERT ON "stichtingen" TO baken_app;--> statement-breakpoint
GRANT UPDATE ("suspended_at") ON "stichtingen" TO baken_app;--> statement-breakpoint
CREATE POLICY stichtingen_platform_insert ON "stichtingen" FOR INSERT TO baken_app
  WITH CHECK ((SELECT ctx_role()) = 'platform_beheerder');--> statement-breakpoint
CREATE POLICY stichtingen_platform_update ON "stichtingen" FOR UPDATE TO baken_app
  USING ((SELECT ctx_role()) = 'platform_beheerder')
  WITH CHECK ((SELECT ctx_role()) = 'platform_beheerder');--> statement-breakpoint
-- The platform_beheerder creates partner organisations (a Halt region, a police unit).
GRANT INSERT ON "partner_organisations" TO baken_app;--> statement-breakpoint
CREATE POLICY partner_organisations_platform_insert ON "partner_organisations" FOR INSERT TO baken_app
  WITH CHECK ((SELECT ctx_role()) = 'platform_beheerder');--> statement-breakpoint
-- The stichtingbeheerder adds and edits its own stichting's schools; the stichting is pinned.
GRANT INSERT ON "schools" TO baken_app;--> statement-breakpoint
GRANT UPDATE ("name", "brin", "sector", "holiday_region", "street", "postcode", "place") ON "schools" TO baken_app;--> statement-breakpoint
CREATE POLICY schools_beheer_insert ON "schools" FOR INSERT TO baken_app
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id())
              AND (SELECT ctx_school_id()) IS NULL
              AND (SELECT ctx_role()) = 'stichtingbeheerder');--> statement-breakpoint
CREATE POLICY schools_beheer_update ON "schools" FOR UPDATE TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id())
         AND (SELECT ctx_school_id()) IS NULL
         AND (SELECT ctx_role()) = 'stichtingbeheerder')
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id())
              AND (SELECT ctx_school_id()) IS NULL
              AND (SELECT ctx_role()) = 'stichtingbeheerder');--> statement-breakpoint
-- The stichtingbeheerder links partner organisations to its schools or the whole stichting, and
-- unlinks them; the stichting is pinned.
GRANT INSERT, DELETE ON "partner_links" TO baken_app;--> statement-breakpoint
CREATE POLICY partner_links_beheer_insert ON "partner_links" FOR INSERT TO baken_app
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id())
              AND (SELECT ctx_school_id()) IS NULL
              AND (SELECT ctx_role()) = 'stichtingbeheerder');--> statement-breakpoint
CREATE POLICY partner_links_beheer_delete ON "partner_links" FOR DELETE TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id())
         AND (SELECT ctx_school_id()) IS NULL
         AND (SELECT ctx_role()) = 'stichtingbeheerder');--> statement-breakpoint
-- Counts of use per stichting for the platform_beheerder, who may see no personal data: schools,
-- users with a membership there, active pupils, submitted incidents of one schooljaar. Only counts
-- leave the function, and only for the platform_beheerder.
CREATE FUNCTION platform_usage_counts(p_school_year text)
RETURNS TABLE (stichting_id uuid, schools bigint, users bigint, pupils bigint, incidents bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT st.id,
         (SELECT count(*) FROM schools s WHERE s.stichting_id = st.id),
         (SELECT count(DISTINCT m.user_id) FROM memberships m WHERE m.stichting_id = st.id),
         (SELECT count(*) FROM students p WHERE p.stichting_id = st.id AND p.status = 'active'),
         (SELECT count(*) FROM incidents i WHERE i.stichting_id = st.id AND i.status = 'submitted' AND i.school_year = p_school_year)
  FROM stichtingen st
  WHERE ctx_role() = 'platform_beheerder'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION platform_usage_counts(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION platform_usage_counts(text) TO baken_app;
