-- A unique external id holds only for rows that have one: rows without (most generated and imported
-- leads, accounts, deals, activities) no longer take an index entry each. Lookups by external id
-- (= or any) imply "is not null", so they use these indexes as before.
DROP INDEX "accounts_external_id_idx";--> statement-breakpoint
DROP INDEX "activities_external_id_idx";--> statement-breakpoint
DROP INDEX "campaigns_external_id_idx";--> statement-breakpoint
DROP INDEX "deals_external_id_idx";--> statement-breakpoint
DROP INDEX "leads_external_id_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_external_id_idx" ON "accounts" USING btree ("workspace_id","external_id") WHERE "accounts"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_external_id_idx" ON "activities" USING btree ("workspace_id","external_id") WHERE "activities"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_external_id_idx" ON "campaigns" USING btree ("workspace_id","external_id") WHERE "campaigns"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "deals_external_id_idx" ON "deals" USING btree ("workspace_id","external_id") WHERE "deals"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "leads_external_id_idx" ON "leads" USING btree ("workspace_id","external_id") WHERE "leads"."external_id" is not null;