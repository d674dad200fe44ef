CREATE TABLE "accounts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"domain" text,
	"industry" text,
	"employees" integer,
	"country" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "accounts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text,
	"lead_id" uuid,
	"deal_id" uuid,
	"type" text NOT NULL,
	"outcome" text,
	"notes" text,
	"actor_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"channel" text,
	"type" text,
	"starts_on" date,
	"ends_on" date,
	"budget_minor" bigint,
	"spend_minor" bigint,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaigns_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"account_id" uuid,
	"lead_id" uuid,
	"owner_id" uuid,
	"amount_minor" bigint NOT NULL,
	"list_amount_minor" bigint NOT NULL,
	"discount_rate" numeric(6, 4) NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"stage" text,
	"loss_reason" text,
	"competitor" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text,
	"email" text,
	"first_name" text,
	"last_name" text,
	"title" text,
	"phone" text,
	"company" text,
	"country" text,
	"account_id" uuid,
	"stage" text NOT NULL,
	"stage_changed_at" timestamp with time zone NOT NULL,
	"reached_lead_at" timestamp with time zone,
	"reached_mql_at" timestamp with time zone,
	"reached_sal_at" timestamp with time zone,
	"reached_sql_at" timestamp with time zone,
	"reached_opportunity_at" timestamp with time zone,
	"reached_customer_at" timestamp with time zone,
	"owner_id" uuid,
	"source" text,
	"channel" text,
	"campaign_id" uuid,
	"utm_source" text,
	"utm_medium" text,
	"utm_campaign" text,
	"utm_term" text,
	"utm_content" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leads_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "saved_views_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "stage_transitions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"cause" text NOT NULL,
	"definition_version" integer,
	CONSTRAINT "stage_transitions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"external_id" text,
	"lead_id" uuid,
	"anonymous_id" text,
	"type" text NOT NULL,
	"channel" text,
	"campaign_id" uuid,
	"url" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"properties" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "touchpoints_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "tracking_sites" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"allowed_origins" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tracking_sites_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "visitors" (
	"workspace_id" uuid NOT NULL,
	"anonymous_id" text NOT NULL,
	"lead_id" uuid,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visitors_workspace_id_anonymous_id_pk" PRIMARY KEY("workspace_id","anonymous_id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_deal_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD CONSTRAINT "stage_transitions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_transitions" ADD CONSTRAINT "stage_transitions_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_sites" ADD CONSTRAINT "tracking_sites_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors" ADD CONSTRAINT "visitors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors" ADD CONSTRAINT "visitors_lead_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_external_id_idx" ON "accounts" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "accounts_name_idx" ON "accounts" USING btree ("workspace_id",lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "accounts_domain_idx" ON "accounts" USING btree ("workspace_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_external_id_idx" ON "activities" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "activities_lead_idx" ON "activities" USING btree ("workspace_id","lead_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_external_id_idx" ON "campaigns" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deals_external_id_idx" ON "deals" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "deals_lead_idx" ON "deals" USING btree ("workspace_id","lead_id");--> statement-breakpoint
CREATE INDEX "deals_account_idx" ON "deals" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("workspace_id","status","closed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_external_id_idx" ON "leads" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "leads_stage_idx" ON "leads" USING btree ("workspace_id","stage","created_at");--> statement-breakpoint
CREATE INDEX "leads_stage_changed_idx" ON "leads" USING btree ("workspace_id","stage_changed_at","id");--> statement-breakpoint
CREATE INDEX "leads_source_idx" ON "leads" USING btree ("workspace_id","source","created_at");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE INDEX "leads_account_idx" ON "leads" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "leads_email_idx" ON "leads" USING btree ("workspace_id",lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "leads_last_name_idx" ON "leads" USING btree ("workspace_id",lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "leads_company_idx" ON "leads" USING btree ("workspace_id",lower("company") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "saved_views_user_idx" ON "saved_views" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "stage_transitions_lead_idx" ON "stage_transitions" USING btree ("workspace_id","lead_id","at");--> statement-breakpoint
CREATE INDEX "stage_transitions_to_idx" ON "stage_transitions" USING btree ("workspace_id","to_stage","at");--> statement-breakpoint
CREATE UNIQUE INDEX "touchpoints_dedupe_idx" ON "touchpoints" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "touchpoints_lead_idx" ON "touchpoints" USING btree ("workspace_id","lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "touchpoints_anonymous_idx" ON "touchpoints" USING btree ("workspace_id","anonymous_id") WHERE "touchpoints"."lead_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_sites_key_idx" ON "tracking_sites" USING btree ("public_key");--> statement-breakpoint
CREATE INDEX "visitors_lead_idx" ON "visitors" USING btree ("workspace_id","lead_id");