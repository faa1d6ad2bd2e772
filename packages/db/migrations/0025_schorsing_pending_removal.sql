-- A schorsing pending a verwijdering of the same pupil (issue 4). Deleting the verwijdering (the
-- purge) clears the link only (SET NULL of that one column; drizzle cannot express the column list).
ALTER TABLE "measures" ADD COLUMN "pending_removal_id" uuid;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_pending_removal_id_school_id_measures_id_school_id_fk" FOREIGN KEY ("pending_removal_id","school_id") REFERENCES "public"."measures"("id","school_id") ON DELETE SET NULL ("pending_removal_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_pending_removal_kind" CHECK ("measures"."pending_removal_id" is null or "measures"."kind" = 'schorsing');