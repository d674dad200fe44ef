ALTER TABLE "sales_settings" ALTER COLUMN "calendar" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_settings" ALTER COLUMN "routing" DROP NOT NULL;