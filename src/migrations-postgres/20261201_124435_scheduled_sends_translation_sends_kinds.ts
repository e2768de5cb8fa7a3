import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_scheduled_sends_action" AS ENUM('send', 'publish-and-send');
  CREATE TYPE "public"."enum_scheduled_sends_status" AS ENUM('pending', 'running', 'done', 'failed', 'cancelled');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'runScheduledSend' BEFORE 'sendNotificationDigest';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'runScheduledSend' BEFORE 'sendNotificationDigest';
  CREATE TABLE "scheduled_sends" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"issue_id" integer NOT NULL,
  	"action" "enum_scheduled_sends_action" NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"newsletter_id" integer NOT NULL,
  	"segment_id" integer,
  	"override" varchar,
  	"status" "enum_scheduled_sends_status" DEFAULT 'pending' NOT NULL,
  	"failure" varchar,
  	"scheduled_by_id" integer,
  	"cancelled_by_id" integer,
  	"cancelled_at" timestamp(3) with time zone,
  	"ran_at" timestamp(3) with time zone,
  	"campaign_id" integer,
  	"pending_key" varchar,
  	"claimed_by" varchar,
  	"job" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "campaigns" ALTER COLUMN "issue_id" DROP NOT NULL;
  ALTER TABLE "issues_rels" ADD COLUMN "glossary_terms_id" integer;
  ALTER TABLE "_issues_v_rels" ADD COLUMN "glossary_terms_id" integer;
  ALTER TABLE "items" ADD COLUMN "reused_from_translation_id" integer;
  ALTER TABLE "items" ADD COLUMN "reused_from_entry_issue_id" integer;
  ALTER TABLE "items" ADD COLUMN "reused_from_entry_anchor" varchar;
  ALTER TABLE "_items_v" ADD COLUMN "version_reused_from_translation_id" integer;
  ALTER TABLE "_items_v" ADD COLUMN "version_reused_from_entry_issue_id" integer;
  ALTER TABLE "_items_v" ADD COLUMN "version_reused_from_entry_anchor" varchar;
  ALTER TABLE "campaigns" ADD COLUMN "translation_id" integer;
  ALTER TABLE "campaigns" ADD COLUMN "override_reason" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "scheduled_sends_id" integer;
  ALTER TABLE "scheduled_sends" ADD CONSTRAINT "scheduled_sends_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scheduled_sends" ADD CONSTRAINT "scheduled_sends_newsletter_id_newsletters_id_fk" FOREIGN KEY ("newsletter_id") REFERENCES "public"."newsletters"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scheduled_sends" ADD CONSTRAINT "scheduled_sends_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scheduled_sends" ADD CONSTRAINT "scheduled_sends_scheduled_by_id_users_id_fk" FOREIGN KEY ("scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scheduled_sends" ADD CONSTRAINT "scheduled_sends_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scheduled_sends" ADD CONSTRAINT "scheduled_sends_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "scheduled_sends_issue_idx" ON "scheduled_sends" USING btree ("issue_id");
  CREATE INDEX "scheduled_sends_at_idx" ON "scheduled_sends" USING btree ("at");
  CREATE INDEX "scheduled_sends_newsletter_idx" ON "scheduled_sends" USING btree ("newsletter_id");
  CREATE INDEX "scheduled_sends_segment_idx" ON "scheduled_sends" USING btree ("segment_id");
  CREATE INDEX "scheduled_sends_status_idx" ON "scheduled_sends" USING btree ("status");
  CREATE INDEX "scheduled_sends_scheduled_by_idx" ON "scheduled_sends" USING btree ("scheduled_by_id");
  CREATE INDEX "scheduled_sends_cancelled_by_idx" ON "scheduled_sends" USING btree ("cancelled_by_id");
  CREATE INDEX "scheduled_sends_campaign_idx" ON "scheduled_sends" USING btree ("campaign_id");
  CREATE UNIQUE INDEX "scheduled_sends_pending_key_idx" ON "scheduled_sends" USING btree ("pending_key");
  CREATE INDEX "scheduled_sends_updated_at_idx" ON "scheduled_sends" USING btree ("updated_at");
  CREATE INDEX "scheduled_sends_created_at_idx" ON "scheduled_sends" USING btree ("created_at");
  ALTER TABLE "issues_rels" ADD CONSTRAINT "issues_rels_glossary_terms_fk" FOREIGN KEY ("glossary_terms_id") REFERENCES "public"."glossary_terms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_issues_v_rels" ADD CONSTRAINT "_issues_v_rels_glossary_terms_fk" FOREIGN KEY ("glossary_terms_id") REFERENCES "public"."glossary_terms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "items" ADD CONSTRAINT "items_reused_from_translation_id_translations_id_fk" FOREIGN KEY ("reused_from_translation_id") REFERENCES "public"."translations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "items" ADD CONSTRAINT "items_reused_from_entry_issue_id_issues_id_fk" FOREIGN KEY ("reused_from_entry_issue_id") REFERENCES "public"."issues"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_items_v" ADD CONSTRAINT "_items_v_version_reused_from_translation_id_translations_id_fk" FOREIGN KEY ("version_reused_from_translation_id") REFERENCES "public"."translations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_items_v" ADD CONSTRAINT "_items_v_version_reused_from_entry_issue_id_issues_id_fk" FOREIGN KEY ("version_reused_from_entry_issue_id") REFERENCES "public"."issues"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_translation_id_translations_id_fk" FOREIGN KEY ("translation_id") REFERENCES "public"."translations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scheduled_sends_fk" FOREIGN KEY ("scheduled_sends_id") REFERENCES "public"."scheduled_sends"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "issues_rels_glossary_terms_id_idx" ON "issues_rels" USING btree ("glossary_terms_id");
  CREATE INDEX "_issues_v_rels_glossary_terms_id_idx" ON "_issues_v_rels" USING btree ("glossary_terms_id");
  CREATE INDEX "items_reused_from_translation_idx" ON "items" USING btree ("reused_from_translation_id");
  CREATE INDEX "items_reused_from_entry_reused_from_entry_issue_idx" ON "items" USING btree ("reused_from_entry_issue_id");
  CREATE INDEX "_items_v_version_version_reused_from_translation_idx" ON "_items_v" USING btree ("version_reused_from_translation_id");
  CREATE INDEX "_items_v_version_reused_from_entry_version_reused_from_e_idx" ON "_items_v" USING btree ("version_reused_from_entry_issue_id");
  CREATE INDEX "campaigns_translation_idx" ON "campaigns" USING btree ("translation_id");
  CREATE INDEX "payload_locked_documents_rels_scheduled_sends_id_idx" ON "payload_locked_documents_rels" USING btree ("scheduled_sends_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "scheduled_sends" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "scheduled_sends" CASCADE;
  ALTER TABLE "issues_rels" DROP CONSTRAINT "issues_rels_glossary_terms_fk";
  
  ALTER TABLE "_issues_v_rels" DROP CONSTRAINT "_issues_v_rels_glossary_terms_fk";
  
  ALTER TABLE "items" DROP CONSTRAINT "items_reused_from_translation_id_translations_id_fk";
  
  ALTER TABLE "items" DROP CONSTRAINT "items_reused_from_entry_issue_id_issues_id_fk";
  
  ALTER TABLE "_items_v" DROP CONSTRAINT "_items_v_version_reused_from_translation_id_translations_id_fk";
  
  ALTER TABLE "_items_v" DROP CONSTRAINT "_items_v_version_reused_from_entry_issue_id_issues_id_fk";
  
  ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_translation_id_translations_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_scheduled_sends_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendNewsletters', 'sendNotificationDigest', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendNewsletters', 'sendNotificationDigest', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "issues_rels_glossary_terms_id_idx";
  DROP INDEX "_issues_v_rels_glossary_terms_id_idx";
  DROP INDEX "items_reused_from_translation_idx";
  DROP INDEX "items_reused_from_entry_reused_from_entry_issue_idx";
  DROP INDEX "_items_v_version_version_reused_from_translation_idx";
  DROP INDEX "_items_v_version_reused_from_entry_version_reused_from_e_idx";
  DROP INDEX "campaigns_translation_idx";
  DROP INDEX "payload_locked_documents_rels_scheduled_sends_id_idx";
  ALTER TABLE "campaigns" ALTER COLUMN "issue_id" SET NOT NULL;
  ALTER TABLE "issues_rels" DROP COLUMN "glossary_terms_id";
  ALTER TABLE "_issues_v_rels" DROP COLUMN "glossary_terms_id";
  ALTER TABLE "items" DROP COLUMN "reused_from_translation_id";
  ALTER TABLE "items" DROP COLUMN "reused_from_entry_issue_id";
  ALTER TABLE "items" DROP COLUMN "reused_from_entry_anchor";
  ALTER TABLE "_items_v" DROP COLUMN "version_reused_from_translation_id";
  ALTER TABLE "_items_v" DROP COLUMN "version_reused_from_entry_issue_id";
  ALTER TABLE "_items_v" DROP COLUMN "version_reused_from_entry_anchor";
  ALTER TABLE "campaigns" DROP COLUMN "translation_id";
  ALTER TABLE "campaigns" DROP COLUMN "override_reason";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "scheduled_sends_id";
  DROP TYPE "public"."enum_scheduled_sends_action";
  DROP TYPE "public"."enum_scheduled_sends_status";`)
}
