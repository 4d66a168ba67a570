ALTER TYPE "public"."locale" ADD VALUE 'ti';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'fa';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'so';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'tr';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'uk';