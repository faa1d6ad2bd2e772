-- Hand-written: the reason a confidential incident's report was released to the parents' portal
-- (ADR 033). AVG art. 23 / UAVG art. 41 allow the right of access to be limited to protect an
-- investigation or others; releasing a confidential case is therefore a judgement the directeur
-- records with the release, in words, as a break-glass reason is recorded with an opening. NOT
-- VALID: it holds for every new release; a confidential release from before keeps no reason.
ALTER TABLE "portal_items" ADD COLUMN "release_reason" text;--> statement-breakpoint
ALTER TABLE "portal_items" ADD CONSTRAINT "portal_items_release_reason" CHECK (
  ("release_reason" IS NULL OR length("release_reason") <= 2000)
  AND (NOT "confidential" OR length(trim(coalesce("release_reason", ''))) >= 10)
) NOT VALID;
