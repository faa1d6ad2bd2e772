-- What a session knows of how it was opened, for the session list on the account page and for
-- multi-factor authentication: how the user signed in (a password, a passkey, or single sign-on),
-- when the session last proved a second factor (a TOTP code, a recovery code, a passkey, or an
-- identity provider that asserted one), and when it was last used.
ALTER TABLE "sessions" ADD COLUMN "method" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "second_factor_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_method" CHECK ("sessions"."method" in ('password', 'passkey', 'sso'));
