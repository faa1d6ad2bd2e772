-- The provider a single-sign-on session came through, so that a step-up (a fresh second factor for
-- sharing, exports, role changes …) can be asked of the same provider again: a user of an SSO-only
-- stichting may have no factor of Baken's own. Only an 'sso' session names one.
ALTER TABLE sessions ADD COLUMN sso_provider_id uuid REFERENCES sso_providers(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE sessions ADD CONSTRAINT sessions_sso_provider_only_for_sso CHECK (sso_provider_id IS NULL OR method = 'sso');
