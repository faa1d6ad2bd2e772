-- Whether a provider's e-mail address counts as verified when the ID token does not say so.
-- 'claim' (the default): only `email_verified: true` counts. 'issuer': every address the provider
-- asserts counts, because the stichting's own directory issues them — Microsoft Entra ID, for one,
-- leaves `email_verified` out, and the addresses of a school's tenant are set by its own admins.
-- That trust is refused for Entra's multi-tenant endpoints (common, organizations, consumers, or a
-- '{tenantid}' template): there any tenant — or any consumer account — could assert any address,
-- and a stranger's account would be matched to a teacher's by e-mail.
ALTER TABLE sso_providers ADD COLUMN email_trust text NOT NULL DEFAULT 'claim';--> statement-breakpoint
ALTER TABLE sso_providers ADD CONSTRAINT sso_providers_email_trust CHECK (email_trust IN ('claim', 'issuer'));--> statement-breakpoint
ALTER TABLE sso_providers ADD CONSTRAINT sso_providers_email_trust_single_tenant
  CHECK (email_trust = 'claim'
         OR (issuer !~* '^https://login\.microsoftonline\.com/(common|organizations|consumers)(/|$)'
             AND issuer !~ '[{}]'));--> statement-breakpoint
DROP FUNCTION sso_login_provider(uuid);--> statement-breakpoint
CREATE FUNCTION sso_login_provider(p_id uuid)
RETURNS TABLE (id uuid, stichting_id uuid, issuer text, client_id text, client_secret_enc text, mfa_acr_values text[], email_trust text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.stichting_id, p.issuer, p.client_id, p.client_secret_enc, p.mfa_acr_values, p.email_trust
  FROM sso_providers p WHERE p.id = p_id AND p.enabled
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sso_login_provider(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sso_login_provider(uuid) TO baken_app;
