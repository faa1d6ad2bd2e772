-- GENERATED FILE - do not edit. Row-level security of the "students" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table group_teachers
-- -------------------------------------------------------------------------------------------------
ALTER TABLE group_teachers ENABLE ROW LEVEL SECURITY;
ALTER TABLE group_teachers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON group_teachers TO baken_app;

CREATE POLICY owner_all ON group_teachers AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY tenant_isolation ON group_teachers AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );

-- -------------------------------------------------------------------------------------------------
-- Table groups
-- -------------------------------------------------------------------------------------------------
ALTER TABLE groups ENABLE ROW LEVEL SECURITY;
ALTER TABLE groups FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON groups TO baken_app;
GRANT SELECT ON groups TO baken_family;

CREATE POLICY family_own_group ON groups AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    (id IN ( SELECT s.group_id
       FROM students s))
  );

CREATE POLICY owner_all ON groups AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY tenant_isolation ON groups AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );

-- -------------------------------------------------------------------------------------------------
-- Table guardians
-- -------------------------------------------------------------------------------------------------
ALTER TABLE guardians ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardians FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON guardians TO baken_app;

CREATE POLICY owner_all ON guardians AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY tenant_isolation ON guardians AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );

-- -------------------------------------------------------------------------------------------------
-- Table student_guardians
-- -------------------------------------------------------------------------------------------------
ALTER TABLE student_guardians ENABLE ROW LEVEL SECURITY;
ALTER TABLE student_guardians FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON student_guardians TO baken_app;

CREATE POLICY owner_all ON student_guardians AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY tenant_isolation ON student_guardians AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );

-- -------------------------------------------------------------------------------------------------
-- Table students
-- -------------------------------------------------------------------------------------------------
ALTER TABLE students ENABLE ROW LEVEL SECURITY;
ALTER TABLE students FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON students TO baken_app;
GRANT SELECT ON students TO baken_family;

CREATE POLICY family_own_child ON students AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    (id IN ( SELECT l.student_id
       FROM guardian_links l))
  );

CREATE POLICY owner_all ON students AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY tenant_isolation ON students AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );
