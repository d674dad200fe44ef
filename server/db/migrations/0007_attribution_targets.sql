CREATE TABLE "attribution_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"lookback_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_disputes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_role" text NOT NULL,
	"credited_channel" text,
	"credited_campaign_id" uuid,
	"claimed_channel" text,
	"claimed_campaign_id" uuid,
	"reason" text NOT NULL,
	"policy_version" integer,
	"status" text NOT NULL,
	"resolved_by" uuid,
	"resolved_role" text,
	"resolution_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "credit_disputes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_policies" (
	"workspace_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"content_hash" text NOT NULL,
	"based_on" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"proposed_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"rules" jsonb NOT NULL,
	CONSTRAINT "credit_policies_workspace_id_version_pk" PRIMARY KEY("workspace_id","version")
);
--> statement-breakpoint
CREATE TABLE "credit_policy_comments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_policy_comments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_policy_signatures" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"content_hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"voided_at" timestamp with time zone,
	CONSTRAINT "credit_policy_signatures_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "revenue_targets" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period" text NOT NULL,
	"starts_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "revenue_targets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "attribution_settings" ADD CONSTRAINT "attribution_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_disputes" ADD CONSTRAINT "credit_disputes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_disputes" ADD CONSTRAINT "credit_disputes_deal_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_disputes" ADD CONSTRAINT "credit_disputes_claimed_campaign_fk" FOREIGN KEY ("workspace_id","claimed_campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_disputes" ADD CONSTRAINT "credit_disputes_credited_campaign_fk" FOREIGN KEY ("workspace_id","credited_campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_policies" ADD CONSTRAINT "credit_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_policy_comments" ADD CONSTRAINT "credit_policy_comments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_policy_comments" ADD CONSTRAINT "credit_policy_comments_version_fk" FOREIGN KEY ("workspace_id","version") REFERENCES "public"."credit_policies"("workspace_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_policy_signatures" ADD CONSTRAINT "credit_policy_signatures_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_policy_signatures" ADD CONSTRAINT "credit_policy_signatures_version_fk" FOREIGN KEY ("workspace_id","version") REFERENCES "public"."credit_policies"("workspace_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_targets" ADD CONSTRAINT "revenue_targets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_disputes_status_idx" ON "credit_disputes" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_disputes_one_open_idx" ON "credit_disputes" USING btree ("workspace_id","deal_id") WHERE "credit_disputes"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_policies_one_active_idx" ON "credit_policies" USING btree ("workspace_id") WHERE "credit_policies"."status" = 'active';--> statement-breakpoint
CREATE INDEX "credit_policy_comments_version_idx" ON "credit_policy_comments" USING btree ("workspace_id","version","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_policy_signatures_valid_idx" ON "credit_policy_signatures" USING btree ("workspace_id","version","role") WHERE "credit_policy_signatures"."voided_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "revenue_targets_period_idx" ON "revenue_targets" USING btree ("workspace_id","period");--> statement-breakpoint
CREATE INDEX "revenue_targets_starts_idx" ON "revenue_targets" USING btree ("workspace_id","starts_on");