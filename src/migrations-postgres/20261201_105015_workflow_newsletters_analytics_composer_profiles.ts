import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_issues_overrides_action" AS ENUM('publish', 'send');
  CREATE TYPE "public"."enum__issues_v_version_overrides_action" AS ENUM('publish', 'send');
  CREATE TYPE "public"."enum_items_workflow_status" AS ENUM('unassigned', 'assigned', 'drafting', 'in_review', 'approved');
  CREATE TYPE "public"."enum_users_notifications" AS ENUM('immediate', 'daily', 'off');
  CREATE TYPE "public"."enum_import_profiles_kind" AS ENUM('report', 'article', 'listing');
  CREATE TYPE "public"."enum_import_profiles_format" AS ENUM('txt', 'html', 'md', 'docx', 'pdf');
  CREATE TYPE "public"."enum_newsletters_tracking" AS ENUM('off', 'aggregate', 'individual');
  CREATE TYPE "public"."enum_subscriptions_status" AS ENUM('pending', 'active', 'unsubscribed');
  CREATE TYPE "public"."enum_segments_tag_rule" AS ENUM('any', 'all', 'none');
  CREATE TYPE "public"."enum_campaigns_tracking" AS ENUM('off', 'aggregate', 'individual');
  CREATE TYPE "public"."enum_engagement_events_kind" AS ENUM('open', 'click', 'bounce', 'soft-bounce', 'complaint');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendNotificationDigest' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendNotificationDigest' BEFORE 'schedulePublish';
  CREATE TABLE "issues_overrides" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"reason" varchar,
  	"user_id" integer,
  	"at" timestamp(3) with time zone,
  	"action" "enum_issues_overrides_action"
  );
  
  CREATE TABLE "issues_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_issues_v_version_overrides" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"reason" varchar,
  	"user_id" integer,
  	"at" timestamp(3) with time zone,
  	"action" "enum__issues_v_version_overrides_action",
  	"_uuid" varchar
  );
  
  CREATE TABLE "_issues_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "subscribers_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "import_profiles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_import_profiles_kind" NOT NULL,
  	"format" "enum_import_profiles_format",
  	"match" varchar,
  	"rules" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "newsletters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"publication_id" integer,
  	"sender_name" varchar,
  	"sender_email" varchar,
  	"reply_to" varchar,
  	"footer" varchar,
  	"double_opt_in" boolean DEFAULT true,
  	"default_for_signups" boolean DEFAULT false,
  	"tracking" "enum_newsletters_tracking" DEFAULT 'off' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subscriptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"subscriber_id" integer NOT NULL,
  	"newsletter_id" integer NOT NULL,
  	"status" "enum_subscriptions_status" DEFAULT 'pending' NOT NULL,
  	"confirmed_at" timestamp(3) with time zone,
  	"unsubscribed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "segments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"newsletter_id" integer NOT NULL,
  	"tag_rule" "enum_segments_tag_rule" DEFAULT 'any' NOT NULL,
  	"signed_up_from" timestamp(3) with time zone,
  	"signed_up_until" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "segments_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "engagement_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"campaign_id" integer NOT NULL,
  	"kind" "enum_engagement_events_kind" NOT NULL,
  	"message" varchar,
  	"subscriber_id" integer,
  	"link" numeric,
  	"machine" boolean DEFAULT false,
  	"sent_at" timestamp(3) with time zone,
  	"at" timestamp(3) with time zone NOT NULL,
  	"detail" varchar
  );
  
  CREATE TABLE "comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"item_id" integer NOT NULL,
  	"body" varchar NOT NULL,
  	"parent_id" integer,
  	"author_id" integer,
  	"resolved" boolean DEFAULT false,
  	"resolved_by_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "pending_notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"subject" varchar NOT NULL,
  	"text" varchar NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  DROP INDEX "campaigns_issue_idx";
  ALTER TABLE "items" ADD COLUMN "order_key" varchar;
  ALTER TABLE "items" ADD COLUMN "assignee_id" integer;
  ALTER TABLE "items" ADD COLUMN "status" "enum_items_workflow_status" DEFAULT 'unassigned';
  ALTER TABLE "_items_v" ADD COLUMN "version_order_key" varchar;
  ALTER TABLE "_items_v" ADD COLUMN "version_assignee_id" integer;
  ALTER TABLE "_items_v" ADD COLUMN "version_status" "enum_items_workflow_status" DEFAULT 'unassigned';
  ALTER TABLE "sections" ADD COLUMN "default_assignee_id" integer;
  ALTER TABLE "translations" ADD COLUMN "is_excerpt" boolean DEFAULT false;
  ALTER TABLE "translations" ADD COLUMN "revised_at" timestamp(3) with time zone;
  ALTER TABLE "translations" ADD COLUMN "import_key" varchar;
  ALTER TABLE "_translations_v" ADD COLUMN "version_is_excerpt" boolean DEFAULT false;
  ALTER TABLE "_translations_v" ADD COLUMN "version_revised_at" timestamp(3) with time zone;
  ALTER TABLE "_translations_v" ADD COLUMN "version_import_key" varchar;
  ALTER TABLE "users" ADD COLUMN "notifications" "enum_users_notifications" DEFAULT 'immediate';
  ALTER TABLE "subscribers" ADD COLUMN "tracking_opt_out" boolean DEFAULT false;
  ALTER TABLE "campaigns" ADD COLUMN "newsletter_id" integer;
  ALTER TABLE "campaigns" ADD COLUMN "segment_id" integer;
  ALTER TABLE "campaigns" ADD COLUMN "key" varchar;
  ALTER TABLE "campaigns" ADD COLUMN "tracking" "enum_campaigns_tracking" DEFAULT 'off';
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "import_profiles_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsletters_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subscriptions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "segments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "engagement_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pending_notifications_id" integer;
  ALTER TABLE "issues_overrides" ADD CONSTRAINT "issues_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "issues_overrides" ADD CONSTRAINT "issues_overrides_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "issues_texts" ADD CONSTRAINT "issues_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_issues_v_version_overrides" ADD CONSTRAINT "_issues_v_version_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_issues_v_version_overrides" ADD CONSTRAINT "_issues_v_version_overrides_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_issues_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_issues_v_texts" ADD CONSTRAINT "_issues_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_issues_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subscribers_texts" ADD CONSTRAINT "subscribers_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "newsletters" ADD CONSTRAINT "newsletters_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_newsletter_id_newsletters_id_fk" FOREIGN KEY ("newsletter_id") REFERENCES "public"."newsletters"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "segments" ADD CONSTRAINT "segments_newsletter_id_newsletters_id_fk" FOREIGN KEY ("newsletter_id") REFERENCES "public"."newsletters"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "segments_texts" ADD CONSTRAINT "segments_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "engagement_events" ADD CONSTRAINT "engagement_events_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "engagement_events" ADD CONSTRAINT "engagement_events_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pending_notifications" ADD CONSTRAINT "pending_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "issues_overrides_order_idx" ON "issues_overrides" USING btree ("_order");
  CREATE INDEX "issues_overrides_parent_id_idx" ON "issues_overrides" USING btree ("_parent_id");
  CREATE INDEX "issues_overrides_user_idx" ON "issues_overrides" USING btree ("user_id");
  CREATE INDEX "issues_texts_order_parent" ON "issues_texts" USING btree ("order","parent_id");
  CREATE INDEX "_issues_v_version_overrides_order_idx" ON "_issues_v_version_overrides" USING btree ("_order");
  CREATE INDEX "_issues_v_version_overrides_parent_id_idx" ON "_issues_v_version_overrides" USING btree ("_parent_id");
  CREATE INDEX "_issues_v_version_overrides_user_idx" ON "_issues_v_version_overrides" USING btree ("user_id");
  CREATE INDEX "_issues_v_texts_order_parent" ON "_issues_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "subscribers_texts_order_parent" ON "subscribers_texts" USING btree ("order","parent_id");
  CREATE INDEX "subscribers_texts_text_idx" ON "subscribers_texts" USING btree ("text");
  CREATE UNIQUE INDEX "import_profiles_name_idx" ON "import_profiles" USING btree ("name");
  CREATE INDEX "import_profiles_updated_at_idx" ON "import_profiles" USING btree ("updated_at");
  CREATE INDEX "import_profiles_created_at_idx" ON "import_profiles" USING btree ("created_at");
  CREATE UNIQUE INDEX "newsletters_name_idx" ON "newsletters" USING btree ("name");
  CREATE UNIQUE INDEX "newsletters_slug_idx" ON "newsletters" USING btree ("slug");
  CREATE INDEX "newsletters_publication_idx" ON "newsletters" USING btree ("publication_id");
  CREATE INDEX "newsletters_default_for_signups_idx" ON "newsletters" USING btree ("default_for_signups");
  CREATE INDEX "newsletters_updated_at_idx" ON "newsletters" USING btree ("updated_at");
  CREATE INDEX "newsletters_created_at_idx" ON "newsletters" USING btree ("created_at");
  CREATE INDEX "subscriptions_subscriber_idx" ON "subscriptions" USING btree ("subscriber_id");
  CREATE INDEX "subscriptions_newsletter_idx" ON "subscriptions" USING btree ("newsletter_id");
  CREATE INDEX "subscriptions_updated_at_idx" ON "subscriptions" USING btree ("updated_at");
  CREATE INDEX "subscriptions_created_at_idx" ON "subscriptions" USING btree ("created_at");
  CREATE INDEX "newsletter_status_idx" ON "subscriptions" USING btree ("newsletter_id","status");
  CREATE UNIQUE INDEX "subscriber_newsletter_idx" ON "subscriptions" USING btree ("subscriber_id","newsletter_id");
  CREATE UNIQUE INDEX "segments_name_idx" ON "segments" USING btree ("name");
  CREATE UNIQUE INDEX "segments_slug_idx" ON "segments" USING btree ("slug");
  CREATE INDEX "segments_newsletter_idx" ON "segments" USING btree ("newsletter_id");
  CREATE INDEX "segments_updated_at_idx" ON "segments" USING btree ("updated_at");
  CREATE INDEX "segments_created_at_idx" ON "segments" USING btree ("created_at");
  CREATE INDEX "segments_texts_order_parent" ON "segments_texts" USING btree ("order","parent_id");
  CREATE INDEX "engagement_events_campaign_idx" ON "engagement_events" USING btree ("campaign_id");
  CREATE INDEX "engagement_events_kind_idx" ON "engagement_events" USING btree ("kind");
  CREATE INDEX "engagement_events_message_idx" ON "engagement_events" USING btree ("message");
  CREATE INDEX "engagement_events_subscriber_idx" ON "engagement_events" USING btree ("subscriber_id");
  CREATE INDEX "engagement_events_at_idx" ON "engagement_events" USING btree ("at");
  CREATE INDEX "comments_item_idx" ON "comments" USING btree ("item_id");
  CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");
  CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");
  CREATE INDEX "comments_resolved_idx" ON "comments" USING btree ("resolved");
  CREATE INDEX "comments_resolved_by_idx" ON "comments" USING btree ("resolved_by_id");
  CREATE INDEX "comments_updated_at_idx" ON "comments" USING btree ("updated_at");
  CREATE INDEX "comments_created_at_idx" ON "comments" USING btree ("created_at");
  CREATE INDEX "pending_notifications_user_idx" ON "pending_notifications" USING btree ("user_id");
  CREATE INDEX "pending_notifications_sent_at_idx" ON "pending_notifications" USING btree ("sent_at");
  CREATE INDEX "pending_notifications_updated_at_idx" ON "pending_notifications" USING btree ("updated_at");
  CREATE INDEX "pending_notifications_created_at_idx" ON "pending_notifications" USING btree ("created_at");
  ALTER TABLE "items" ADD CONSTRAINT "items_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_items_v" ADD CONSTRAINT "_items_v_version_assignee_id_users_id_fk" FOREIGN KEY ("version_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sections" ADD CONSTRAINT "sections_default_assignee_id_users_id_fk" FOREIGN KEY ("default_assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_newsletter_id_newsletters_id_fk" FOREIGN KEY ("newsletter_id") REFERENCES "public"."newsletters"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_import_profiles_fk" FOREIGN KEY ("import_profiles_id") REFERENCES "public"."import_profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsletters_fk" FOREIGN KEY ("newsletters_id") REFERENCES "public"."newsletters"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscriptions_fk" FOREIGN KEY ("subscriptions_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_segments_fk" FOREIGN KEY ("segments_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_engagement_events_fk" FOREIGN KEY ("engagement_events_id") REFERENCES "public"."engagement_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comments_fk" FOREIGN KEY ("comments_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pending_notifications_fk" FOREIGN KEY ("pending_notifications_id") REFERENCES "public"."pending_notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "items_order_key_idx" ON "items" USING btree ("order_key");
  CREATE INDEX "items_assignee_idx" ON "items" USING btree ("assignee_id");
  CREATE INDEX "items_status_idx" ON "items" USING btree ("status");
  CREATE INDEX "_items_v_version_version_order_key_idx" ON "_items_v" USING btree ("version_order_key");
  CREATE INDEX "_items_v_version_version_assignee_idx" ON "_items_v" USING btree ("version_assignee_id");
  CREATE INDEX "_items_v_version_version_status_idx" ON "_items_v" USING btree ("version_status");
  CREATE INDEX "sections_default_assignee_idx" ON "sections" USING btree ("default_assignee_id");
  CREATE INDEX "translations_import_key_idx" ON "translations" USING btree ("import_key");
  CREATE INDEX "_translations_v_version_version_import_key_idx" ON "_translations_v" USING btree ("version_import_key");
  CREATE INDEX "campaigns_newsletter_idx" ON "campaigns" USING btree ("newsletter_id");
  CREATE INDEX "campaigns_segment_idx" ON "campaigns" USING btree ("segment_id");
  CREATE UNIQUE INDEX "campaigns_key_idx" ON "campaigns" USING btree ("key");
  CREATE INDEX "payload_locked_documents_rels_import_profiles_id_idx" ON "payload_locked_documents_rels" USING btree ("import_profiles_id");
  CREATE INDEX "payload_locked_documents_rels_newsletters_id_idx" ON "payload_locked_documents_rels" USING btree ("newsletters_id");
  CREATE INDEX "payload_locked_documents_rels_subscriptions_id_idx" ON "payload_locked_documents_rels" USING btree ("subscriptions_id");
  CREATE INDEX "payload_locked_documents_rels_segments_id_idx" ON "payload_locked_documents_rels" USING btree ("segments_id");
  CREATE INDEX "payload_locked_documents_rels_engagement_events_id_idx" ON "payload_locked_documents_rels" USING btree ("engagement_events_id");
  CREATE INDEX "payload_locked_documents_rels_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("comments_id");
  CREATE INDEX "payload_locked_documents_rels_pending_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("pending_notifications_id");
  CREATE INDEX "campaigns_issue_idx" ON "campaigns" USING btree ("issue_id");`)
  // Data: the single list of earlier versions becomes the first newsletter; typed positions become order keys.
  // Its data upgrade runs after every schema migration: src/upgrades.ts (called by the newest migration).
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "issues_overrides" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "issues_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_issues_v_version_overrides" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_issues_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscribers_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "import_profiles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "newsletters" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscriptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "segments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "segments_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "engagement_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pending_notifications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "issues_overrides" CASCADE;
  DROP TABLE "issues_texts" CASCADE;
  DROP TABLE "_issues_v_version_overrides" CASCADE;
  DROP TABLE "_issues_v_texts" CASCADE;
  DROP TABLE "subscribers_texts" CASCADE;
  DROP TABLE "import_profiles" CASCADE;
  DROP TABLE "newsletters" CASCADE;
  DROP TABLE "subscriptions" CASCADE;
  DROP TABLE "segments" CASCADE;
  DROP TABLE "segments_texts" CASCADE;
  DROP TABLE "engagement_events" CASCADE;
  DROP TABLE "comments" CASCADE;
  DROP TABLE "pending_notifications" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "items" DROP CONSTRAINT "items_assignee_id_users_id_fk";
  
  ALTER TABLE "_items_v" DROP CONSTRAINT "_items_v_version_assignee_id_users_id_fk";
  
  ALTER TABLE "sections" DROP CONSTRAINT "sections_default_assignee_id_users_id_fk";
  
  ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_newsletter_id_newsletters_id_fk";
  
  ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_segment_id_segments_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_import_profiles_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsletters_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_subscriptions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_segments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_engagement_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_pending_notifications_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendNewsletters', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendNewsletters', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "items_order_key_idx";
  DROP INDEX "items_assignee_idx";
  DROP INDEX "items_status_idx";
  DROP INDEX "_items_v_version_version_order_key_idx";
  DROP INDEX "_items_v_version_version_assignee_idx";
  DROP INDEX "_items_v_version_version_status_idx";
  DROP INDEX "sections_default_assignee_idx";
  DROP INDEX "translations_import_key_idx";
  DROP INDEX "_translations_v_version_version_import_key_idx";
  DROP INDEX "campaigns_newsletter_idx";
  DROP INDEX "campaigns_segment_idx";
  DROP INDEX "campaigns_key_idx";
  DROP INDEX "payload_locked_documents_rels_import_profiles_id_idx";
  DROP INDEX "payload_locked_documents_rels_newsletters_id_idx";
  DROP INDEX "payload_locked_documents_rels_subscriptions_id_idx";
  DROP INDEX "payload_locked_documents_rels_segments_id_idx";
  DROP INDEX "payload_locked_documents_rels_engagement_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_comments_id_idx";
  DROP INDEX "payload_locked_documents_rels_pending_notifications_id_idx";
  DROP INDEX "campaigns_issue_idx";
  CREATE UNIQUE INDEX "campaigns_issue_idx" ON "campaigns" USING btree ("issue_id");
  ALTER TABLE "items" DROP COLUMN "order_key";
  ALTER TABLE "items" DROP COLUMN "assignee_id";
  ALTER TABLE "items" DROP COLUMN "status";
  ALTER TABLE "_items_v" DROP COLUMN "version_order_key";
  ALTER TABLE "_items_v" DROP COLUMN "version_assignee_id";
  ALTER TABLE "_items_v" DROP COLUMN "version_status";
  ALTER TABLE "sections" DROP COLUMN "default_assignee_id";
  ALTER TABLE "translations" DROP COLUMN "is_excerpt";
  ALTER TABLE "translations" DROP COLUMN "revised_at";
  ALTER TABLE "translations" DROP COLUMN "import_key";
  ALTER TABLE "_translations_v" DROP COLUMN "version_is_excerpt";
  ALTER TABLE "_translations_v" DROP COLUMN "version_revised_at";
  ALTER TABLE "_translations_v" DROP COLUMN "version_import_key";
  ALTER TABLE "users" DROP COLUMN "notifications";
  ALTER TABLE "subscribers" DROP COLUMN "tracking_opt_out";
  ALTER TABLE "campaigns" DROP COLUMN "newsletter_id";
  ALTER TABLE "campaigns" DROP COLUMN "segment_id";
  ALTER TABLE "campaigns" DROP COLUMN "key";
  ALTER TABLE "campaigns" DROP COLUMN "tracking";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "import_profiles_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsletters_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subscriptions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "segments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "engagement_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "pending_notifications_id";
  DROP TYPE "public"."enum_issues_overrides_action";
  DROP TYPE "public"."enum__issues_v_version_overrides_action";
  DROP TYPE "public"."enum_items_workflow_status";
  DROP TYPE "public"."enum_users_notifications";
  DROP TYPE "public"."enum_import_profiles_kind";
  DROP TYPE "public"."enum_import_profiles_format";
  DROP TYPE "public"."enum_newsletters_tracking";
  DROP TYPE "public"."enum_subscriptions_status";
  DROP TYPE "public"."enum_segments_tag_rule";
  DROP TYPE "public"."enum_campaigns_tracking";
  DROP TYPE "public"."enum_engagement_events_kind";`)
}
