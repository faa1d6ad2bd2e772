-- Hand-written: the parts of an incident (codes, persons, versions, tasks, acknowledgements) carry
-- their incident's visibility columns (status, confidential, reported_by_id), so their policies test
-- the row's own columns instead of an EXISTS on incidents per row (itself under RLS, and opaque to the
-- planner). The database keeps the copies equal: a composite foreign key on
-- (incident_id, school_id, stichting_id, status, confidential, reported_by_id) with ON UPDATE CASCADE,
-- so a status change or a confidentiality toggle on the incident rewrites its parts in the same
-- statement, and a BEFORE INSERT trigger fills the copies from the incident (the application never
-- writes them). The visibility is exactly that of 0005/0008/0013: a part is visible when its incident
-- is.
ALTER TABLE incidents ADD CONSTRAINT incidents_visibility_key
  UNIQUE (id, school_id, stichting_id, status, confidential, reported_by_id);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_codes','incident_persons','incident_versions','incident_tasks','incident_acknowledgements']
  LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN incident_status incident_status, ADD COLUMN incident_confidential boolean, '
                   'ADD COLUMN incident_reported_by_id uuid', t);
    EXECUTE format('UPDATE %I p SET incident_status = i.status, incident_confidential = i.confidential, '
                   'incident_reported_by_id = i.reported_by_id FROM incidents i WHERE i.id = p.incident_id', t);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN incident_status SET NOT NULL, ALTER COLUMN incident_confidential SET NOT NULL, '
                   'ALTER COLUMN incident_reported_by_id SET NOT NULL', t);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY '
                   '(incident_id, school_id, stichting_id, incident_status, incident_confidential, incident_reported_by_id) '
                   'REFERENCES incidents (id, school_id, stichting_id, status, confidential, reported_by_id) '
                   'ON UPDATE CASCADE ON DELETE CASCADE', t, t || '_incident_visibility_fk');
  END LOOP;
END
$$;
--> statement-breakpoint
-- Copies the incident's visibility columns onto a new part (or one moved to another incident). It
-- reads the incident as the owner (the part's policy then decides with the copied values, as the
-- EXISTS did); an incident of another school or none at all leaves them null, which the policy's
-- WITH CHECK refuses as before.
CREATE FUNCTION incident_part_visibility() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  SELECT i.status, i.confidential, i.reported_by_id
    INTO NEW.incident_status, NEW.incident_confidential, NEW.incident_reported_by_id
    FROM incidents i
   WHERE i.id = NEW.incident_id AND i.school_id = NEW.school_id AND i.stichting_id = NEW.stichting_id;
  IF NOT FOUND THEN
    NEW.incident_status := NULL;
    NEW.incident_confidential := NULL;
    NEW.incident_reported_by_id := NULL;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION incident_part_visibility() FROM PUBLIC;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_codes','incident_persons','incident_versions','incident_tasks','incident_acknowledgements']
  LOOP
    EXECUTE format('CREATE TRIGGER incident_part_visibility BEFORE INSERT ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION incident_part_visibility()', t);
    -- (The cascade itself sets all key columns to the same ids: WHEN skips it.)
    EXECUTE format('CREATE TRIGGER incident_part_moved BEFORE UPDATE OF incident_id, school_id, stichting_id ON %I '
                   'FOR EACH ROW WHEN (OLD.incident_id <> NEW.incident_id OR OLD.school_id <> NEW.school_id '
                   'OR OLD.stichting_id <> NEW.stichting_id) EXECUTE FUNCTION incident_part_visibility()', t);
    EXECUTE format('DROP POLICY incident_visible ON %I', t);
    -- The incidents_read policy of 0005, on the part's own columns.
    EXECUTE format($p$
      CREATE POLICY incident_visible ON %I TO baken_app
      USING (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
             AND (SELECT ctx_is_school_staff())
             AND (incident_status = 'submitted' OR incident_reported_by_id = (SELECT ctx_user_id()))
             AND (NOT incident_confidential
                  OR (SELECT ctx_role()) IN ('directeur','vertrouwenspersoon')
                  OR (incident_status = 'draft' AND incident_reported_by_id = (SELECT ctx_user_id()))))
      WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
             AND (SELECT ctx_is_school_staff())
             AND (incident_status = 'submitted' OR incident_reported_by_id = (SELECT ctx_user_id()))
             AND (NOT incident_confidential
                  OR (SELECT ctx_role()) IN ('directeur','vertrouwenspersoon')
                  OR (incident_status = 'draft' AND incident_reported_by_id = (SELECT ctx_user_id()))))
    $p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The board (a bestuurder, no school) reads the codes and persons of the submitted incidents behind a
-- measure it sees (the incidents_read_board policy of 0013), as its own read-only policy: one
-- permissive policy per role family instead of an OR inside one.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_codes','incident_persons']
  LOOP
    EXECUTE format($p$
      CREATE POLICY incident_visible_board ON %I FOR SELECT TO baken_app
      USING ((SELECT ctx_role()) = 'bestuurder' AND (SELECT ctx_school_id()) IS NULL
             AND stichting_id = (SELECT ctx_stichting_id()) AND incident_status = 'submitted'
             AND EXISTS (SELECT 1 FROM measure_incidents mi WHERE mi.incident_id = %I.incident_id))
    $p$, t, t);
  END LOOP;
END
$$;
