CREATE TABLE "funnel_rollup" (
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"stage" text NOT NULL,
	"month" date NOT NULL,
	"days" integer NOT NULL,
	"source" text,
	"channel" text,
	"campaign_id" uuid,
	"leads" integer NOT NULL,
	CONSTRAINT "funnel_rollup_key" UNIQUE NULLS NOT DISTINCT("workspace_id","kind","month","stage","days","source","channel","campaign_id")
);
--> statement-breakpoint
ALTER TABLE "funnel_rollup" ADD CONSTRAINT "funnel_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;