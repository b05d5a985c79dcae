CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"handle" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"role" text DEFAULT 'customer' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_handle_unique" UNIQUE("handle")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "change_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"change_id" text NOT NULL,
	"type" text NOT NULL,
	"party" text,
	"account_id" text,
	"detail" jsonb,
	"dedupe_key" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_events_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "contact_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"roles" text[] NOT NULL,
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	"asked_by_id" text NOT NULL,
	"state" text NOT NULL,
	"sending" integer DEFAULT 1 NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"from_decision" text,
	"from_decided_at" timestamp with time zone,
	"to_decision" text,
	"to_decided_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_id" text,
	"end_note_id" text,
	"end_reason" text,
	"failing_step" text,
	"failing_since" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emails" (
	"id" text PRIMARY KEY NOT NULL,
	"change_id" text NOT NULL,
	"recipient" text NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"sending" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"provider_id" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emails_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" text PRIMARY KEY NOT NULL,
	"change_id" text NOT NULL,
	"account_id" text,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pending_roles" (
	"service_id" text NOT NULL,
	"role" text NOT NULL,
	"change_id" text NOT NULL,
	CONSTRAINT "pending_roles_service_id_role_pk" PRIMARY KEY("service_id","role")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"holder_id" text NOT NULL,
	"admin_id" text NOT NULL,
	"tech_id" text NOT NULL,
	"billing_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_events" ADD CONSTRAINT "change_events_change_id_contact_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."contact_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_events" ADD CONSTRAINT "change_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_changes" ADD CONSTRAINT "contact_changes_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_changes" ADD CONSTRAINT "contact_changes_from_id_accounts_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_changes" ADD CONSTRAINT "contact_changes_to_id_accounts_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_changes" ADD CONSTRAINT "contact_changes_asked_by_id_accounts_id_fk" FOREIGN KEY ("asked_by_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_changes" ADD CONSTRAINT "contact_changes_ended_by_id_accounts_id_fk" FOREIGN KEY ("ended_by_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_change_id_contact_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."contact_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_change_id_contact_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."contact_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_roles" ADD CONSTRAINT "pending_roles_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_roles" ADD CONSTRAINT "pending_roles_change_id_contact_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."contact_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_holder_id_accounts_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_admin_id_accounts_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_tech_id_accounts_id_fk" FOREIGN KEY ("tech_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_billing_id_accounts_id_fk" FOREIGN KEY ("billing_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_events_change_idx" ON "change_events" USING btree ("change_id","id");--> statement-breakpoint
CREATE INDEX "contact_changes_asked_by_idx" ON "contact_changes" USING btree ("asked_by_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contact_changes_from_idx" ON "contact_changes" USING btree ("from_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contact_changes_to_idx" ON "contact_changes" USING btree ("to_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contact_changes_service_idx" ON "contact_changes" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "contact_changes_pending_idx" ON "contact_changes" USING btree ("created_at") WHERE "contact_changes"."state" in ('todo', 'checkValidity', 'validatingByCustomers', 'doing');--> statement-breakpoint
CREATE INDEX "emails_change_idx" ON "emails" USING btree ("change_id");--> statement-breakpoint
CREATE INDEX "emails_provider_idx" ON "emails" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "pending_roles_change_idx" ON "pending_roles" USING btree ("change_id");--> statement-breakpoint
CREATE INDEX "services_holder_idx" ON "services" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "services_admin_idx" ON "services" USING btree ("admin_id");--> statement-breakpoint
CREATE INDEX "services_tech_idx" ON "services" USING btree ("tech_id");--> statement-breakpoint
CREATE INDEX "services_billing_idx" ON "services" USING btree ("billing_id");