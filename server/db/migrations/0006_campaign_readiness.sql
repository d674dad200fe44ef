CREATE TABLE "briefing_acknowledgements" (
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"acknowledged_by" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "briefing_acknowledgements_workspace_id_campaign_id_version_user_id_pk" PRIMARY KEY("workspace_id","campaign_id","version","user_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_briefings" (
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_key" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_briefings_workspace_id_campaign_id_version_pk" PRIMARY KEY("workspace_id","campaign_id","version")
);
--> statement-breakpoint
CREATE TABLE "campaign_products" (
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"uplift_percent" numeric(7, 2),
	"per_unit" numeric(7, 3),
	CONSTRAINT "campaign_products_workspace_id_campaign_id_product_id_pk" PRIMARY KEY("workspace_id","campaign_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_reminders" (
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_reminders_workspace_id_campaign_id_key_pk" PRIMARY KEY("workspace_id","campaign_id","key")
);
--> statement-breakpoint
CREATE TABLE "campaign_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"min_notice_days" integer NOT NULL,
	"finance_approval_above_percent" numeric(5, 2) NOT NULL,
	"feed_secret" text,
	"feed_rotated_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_spend_lines" (
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"budget_minor" bigint NOT NULL,
	"spend_minor" bigint NOT NULL,
	CONSTRAINT "campaign_spend_lines_workspace_id_campaign_id_position_pk" PRIMARY KEY("workspace_id","campaign_id","position")
);
--> statement-breakpoint
CREATE TABLE "offer_approvals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid NOT NULL,
	"terms" jsonb NOT NULL,
	"terms_key" text NOT NULL,
	"note" text,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "offer_approvals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"on_hand" bigint NOT NULL,
	"weekly_baseline" numeric(14, 2) NOT NULL,
	"incoming" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "products_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_confirmations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"launch_on" date NOT NULL,
	"end_on" date NOT NULL,
	"demand" bigint NOT NULL,
	"available" bigint NOT NULL,
	"shortfall" bigint NOT NULL,
	"runs_out_on" date,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_confirmations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "objective" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "channels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "audience" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "segments" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "announce_on" date;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "uplift_percent" numeric(7, 2) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "offer" jsonb DEFAULT '{"kind":"none","description":null,"discountPercent":null,"priceMinor":null}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "key_messages" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "talking_points" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "faq" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "assets" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "rep_ids" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "scheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "scheduled_by" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "override_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "override_by" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "override_blockers" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "launched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "briefing_acknowledgements" ADD CONSTRAINT "briefing_acknowledgements_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_acknowledgements" ADD CONSTRAINT "briefing_acknowledgements_briefing_fk" FOREIGN KEY ("workspace_id","campaign_id","version") REFERENCES "public"."campaign_briefings"("workspace_id","campaign_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_briefings" ADD CONSTRAINT "campaign_briefings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_briefings" ADD CONSTRAINT "campaign_briefings_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_products" ADD CONSTRAINT "campaign_products_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_products" ADD CONSTRAINT "campaign_products_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_products" ADD CONSTRAINT "campaign_products_product_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reminders" ADD CONSTRAINT "campaign_reminders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reminders" ADD CONSTRAINT "campaign_reminders_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_settings" ADD CONSTRAINT "campaign_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_spend_lines" ADD CONSTRAINT "campaign_spend_lines_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_spend_lines" ADD CONSTRAINT "campaign_spend_lines_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_approvals" ADD CONSTRAINT "offer_approvals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_approvals" ADD CONSTRAINT "offer_approvals_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_confirmations" ADD CONSTRAINT "stock_confirmations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_confirmations" ADD CONSTRAINT "stock_confirmations_campaign_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "briefing_acknowledgements_user_idx" ON "briefing_acknowledgements" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "campaign_products_product_idx" ON "campaign_products" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_settings_feed_secret_idx" ON "campaign_settings" USING btree ("feed_secret") WHERE "campaign_settings"."feed_secret" is not null;--> statement-breakpoint
CREATE INDEX "offer_approvals_campaign_idx" ON "offer_approvals" USING btree ("workspace_id","campaign_id","role","approved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "products_sku_idx" ON "products" USING btree ("workspace_id","sku");--> statement-breakpoint
CREATE INDEX "stock_confirmations_latest_idx" ON "stock_confirmations" USING btree ("workspace_id","campaign_id","product_id","confirmed_at");--> statement-breakpoint
CREATE INDEX "campaigns_dates_idx" ON "campaigns" USING btree ("workspace_id","starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "campaigns_open_idx" ON "campaigns" USING btree ("starts_on") WHERE "campaigns"."status" in ('draft', 'scheduled', 'live');