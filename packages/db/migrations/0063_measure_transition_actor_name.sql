-- The measure's history names who took each step (the board's decision above all), also for readers
-- who may not read that user's row: a bestuurder's or another school's user is invisible to school
-- staff under users_read. The name is kept with the step as it was when the step was taken, as a
-- decision record keeps its signatory (Awb art. 3:46–3:47: a decision states who took it).
ALTER TABLE measure_transitions ADD COLUMN by_name text;
--> statement-breakpoint
UPDATE measure_transitions t SET by_name = u.name FROM users u WHERE u.id = t.by_id;
--> statement-breakpoint
-- Always from the users row, never what the writer sends: the writer is the acting user, who may read
-- their own row (users_read: id = ctx_user_id()); a row the writer cannot read gives no name.
CREATE FUNCTION measure_transitions_by_name() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  NEW.by_name := (SELECT name FROM users WHERE id = NEW.by_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER measure_transitions_by_name BEFORE INSERT ON measure_transitions FOR EACH ROW EXECUTE FUNCTION measure_transitions_by_name();
