import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`issues_overrides\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`reason\` text,
  	\`user_id\` integer,
  	\`at\` text,
  	\`action\` text,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_overrides_order_idx\` ON \`issues_overrides\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`issues_overrides_parent_id_idx\` ON \`issues_overrides\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_overrides_user_idx\` ON \`issues_overrides\` (\`user_id\`);`)
  await db.run(sql`CREATE TABLE \`issues_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_texts_order_parent\` ON \`issues_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_issues_v_version_overrides\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reason\` text,
  	\`user_id\` integer,
  	\`at\` text,
  	\`action\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_overrides_order_idx\` ON \`_issues_v_version_overrides\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_overrides_parent_id_idx\` ON \`_issues_v_version_overrides\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_overrides_user_idx\` ON \`_issues_v_version_overrides\` (\`user_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_issues_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_issues_v_texts_order_parent\` ON \`_issues_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`subscribers_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subscribers_texts_order_parent\` ON \`subscribers_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_texts_text_idx\` ON \`subscribers_texts\` (\`text\`);`)
  await db.run(sql`CREATE TABLE \`import_profiles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`format\` text,
  	\`match\` text,
  	\`rules\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`import_profiles_name_idx\` ON \`import_profiles\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`import_profiles_updated_at_idx\` ON \`import_profiles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`import_profiles_created_at_idx\` ON \`import_profiles\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`newsletters\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`publication_id\` integer,
  	\`sender_name\` text,
  	\`sender_email\` text,
  	\`reply_to\` text,
  	\`footer\` text,
  	\`double_opt_in\` integer DEFAULT true,
  	\`default_for_signups\` integer DEFAULT false,
  	\`tracking\` text DEFAULT 'off' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`publication_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`newsletters_name_idx\` ON \`newsletters\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`newsletters_slug_idx\` ON \`newsletters\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`newsletters_publication_idx\` ON \`newsletters\` (\`publication_id\`);`)
  await db.run(sql`CREATE INDEX \`newsletters_default_for_signups_idx\` ON \`newsletters\` (\`default_for_signups\`);`)
  await db.run(sql`CREATE INDEX \`newsletters_updated_at_idx\` ON \`newsletters\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsletters_created_at_idx\` ON \`newsletters\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`subscriptions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`subscriber_id\` integer NOT NULL,
  	\`newsletter_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`confirmed_at\` text,
  	\`unsubscribed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subscriber_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`newsletter_id\`) REFERENCES \`newsletters\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`subscriptions_subscriber_idx\` ON \`subscriptions\` (\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_newsletter_idx\` ON \`subscriptions\` (\`newsletter_id\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_updated_at_idx\` ON \`subscriptions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscriptions_created_at_idx\` ON \`subscriptions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_status_idx\` ON \`subscriptions\` (\`newsletter_id\`,\`status\`);`)
  await db.run(
    sql`CREATE UNIQUE INDEX \`subscriber_newsletter_idx\` ON \`subscriptions\` (\`subscriber_id\`,\`newsletter_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`segments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`newsletter_id\` integer NOT NULL,
  	\`tag_rule\` text DEFAULT 'any' NOT NULL,
  	\`signed_up_from\` text,
  	\`signed_up_until\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`newsletter_id\`) REFERENCES \`newsletters\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`segments_name_idx\` ON \`segments\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`segments_slug_idx\` ON \`segments\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`segments_newsletter_idx\` ON \`segments\` (\`newsletter_id\`);`)
  await db.run(sql`CREATE INDEX \`segments_updated_at_idx\` ON \`segments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`segments_created_at_idx\` ON \`segments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`segments_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`segments_texts_order_parent\` ON \`segments_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`engagement_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`campaign_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`message\` text,
  	\`subscriber_id\` integer,
  	\`link\` numeric,
  	\`machine\` integer DEFAULT false,
  	\`sent_at\` text,
  	\`at\` text NOT NULL,
  	\`detail\` text,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`subscriber_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`engagement_events_campaign_idx\` ON \`engagement_events\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`engagement_events_kind_idx\` ON \`engagement_events\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`engagement_events_message_idx\` ON \`engagement_events\` (\`message\`);`)
  await db.run(sql`CREATE INDEX \`engagement_events_subscriber_idx\` ON \`engagement_events\` (\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`engagement_events_at_idx\` ON \`engagement_events\` (\`at\`);`)
  await db.run(sql`CREATE TABLE \`comments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`item_id\` integer NOT NULL,
  	\`body\` text NOT NULL,
  	\`parent_id\` integer,
  	\`author_id\` integer,
  	\`resolved\` integer DEFAULT false,
  	\`resolved_by_id\` integer,
  	\`resolved_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`item_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`resolved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`comments_item_idx\` ON \`comments\` (\`item_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_parent_idx\` ON \`comments\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_author_idx\` ON \`comments\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_resolved_idx\` ON \`comments\` (\`resolved\`);`)
  await db.run(sql`CREATE INDEX \`comments_resolved_by_idx\` ON \`comments\` (\`resolved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_updated_at_idx\` ON \`comments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comments_created_at_idx\` ON \`comments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`pending_notifications\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`user_id\` integer NOT NULL,
  	\`subject\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`sent_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`pending_notifications_user_idx\` ON \`pending_notifications\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`pending_notifications_sent_at_idx\` ON \`pending_notifications\` (\`sent_at\`);`)
  await db.run(
    sql`CREATE INDEX \`pending_notifications_updated_at_idx\` ON \`pending_notifications\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`pending_notifications_created_at_idx\` ON \`pending_notifications\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`DROP INDEX \`campaigns_issue_idx\`;`)
  await db.run(sql`ALTER TABLE \`campaigns\` ADD \`newsletter_id\` integer REFERENCES newsletters(id);`)
  await db.run(sql`ALTER TABLE \`campaigns\` ADD \`segment_id\` integer REFERENCES segments(id);`)
  await db.run(sql`ALTER TABLE \`campaigns\` ADD \`key\` text;`)
  await db.run(sql`ALTER TABLE \`campaigns\` ADD \`tracking\` text DEFAULT 'off';`)
  await db.run(sql`CREATE INDEX \`campaigns_newsletter_idx\` ON \`campaigns\` (\`newsletter_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_segment_idx\` ON \`campaigns\` (\`segment_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaigns_key_idx\` ON \`campaigns\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_issue_idx\` ON \`campaigns\` (\`issue_id\`);`)
  await db.run(sql`ALTER TABLE \`items\` ADD \`order_key\` text;`)
  await db.run(sql`ALTER TABLE \`items\` ADD \`assignee_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`items\` ADD \`status\` text DEFAULT 'unassigned';`)
  await db.run(sql`CREATE INDEX \`items_order_key_idx\` ON \`items\` (\`order_key\`);`)
  await db.run(sql`CREATE INDEX \`items_assignee_idx\` ON \`items\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`items_status_idx\` ON \`items\` (\`status\`);`)
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_order_key\` text;`)
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_assignee_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_status\` text DEFAULT 'unassigned';`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_order_key_idx\` ON \`_items_v\` (\`version_order_key\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_assignee_idx\` ON \`_items_v\` (\`version_assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_status_idx\` ON \`_items_v\` (\`version_status\`);`)
  await db.run(sql`ALTER TABLE \`sections\` ADD \`default_assignee_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`sections_default_assignee_idx\` ON \`sections\` (\`default_assignee_id\`);`)
  await db.run(sql`ALTER TABLE \`translations\` ADD \`is_excerpt\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`translations\` ADD \`revised_at\` text;`)
  await db.run(sql`ALTER TABLE \`translations\` ADD \`import_key\` text;`)
  await db.run(sql`CREATE INDEX \`translations_import_key_idx\` ON \`translations\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`_translations_v\` ADD \`version_is_excerpt\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_translations_v\` ADD \`version_revised_at\` text;`)
  await db.run(sql`ALTER TABLE \`_translations_v\` ADD \`version_import_key\` text;`)
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_version_import_key_idx\` ON \`_translations_v\` (\`version_import_key\`);`,
  )
  await db.run(sql`ALTER TABLE \`users\` ADD \`notifications\` text DEFAULT 'immediate';`)
  await db.run(sql`ALTER TABLE \`subscribers\` ADD \`tracking_opt_out\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`import_profiles_id\` integer REFERENCES import_profiles(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`newsletters_id\` integer REFERENCES newsletters(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`subscriptions_id\` integer REFERENCES subscriptions(id);`,
  )
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`segments_id\` integer REFERENCES segments(id);`)
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`engagement_events_id\` integer REFERENCES engagement_events(id);`,
  )
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`comments_id\` integer REFERENCES comments(id);`)
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`pending_notifications_id\` integer REFERENCES pending_notifications(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_import_profiles_id_idx\` ON \`payload_locked_documents_rels\` (\`import_profiles_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_newsletters_id_idx\` ON \`payload_locked_documents_rels\` (\`newsletters_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_subscriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`subscriptions_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_segments_id_idx\` ON \`payload_locked_documents_rels\` (\`segments_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_engagement_events_id_idx\` ON \`payload_locked_documents_rels\` (\`engagement_events_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_pending_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`pending_notifications_id\`);`,
  )
  // Data: the single list of earlier versions becomes the first newsletter; typed positions become order keys.
  // Its data upgrade runs after every schema migration: src/upgrades.ts (called by the newest migration).
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`issues_overrides\`;`)
  await db.run(sql`DROP TABLE \`issues_texts\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_version_overrides\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_texts\`;`)
  await db.run(sql`DROP TABLE \`subscribers_texts\`;`)
  await db.run(sql`DROP TABLE \`import_profiles\`;`)
  await db.run(sql`DROP TABLE \`newsletters\`;`)
  await db.run(sql`DROP TABLE \`subscriptions\`;`)
  await db.run(sql`DROP TABLE \`segments\`;`)
  await db.run(sql`DROP TABLE \`segments_texts\`;`)
  await db.run(sql`DROP TABLE \`engagement_events\`;`)
  await db.run(sql`DROP TABLE \`comments\`;`)
  await db.run(sql`DROP TABLE \`pending_notifications\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`headline\` text,
  	\`issue_id\` integer,
  	\`section_id\` integer,
  	\`date\` text,
  	\`date_end\` text,
  	\`position\` numeric,
  	\`body\` text,
  	\`article_url\` text,
  	\`original_title\` text,
  	\`excerpt\` text,
  	\`credit\` text,
  	\`translation_id\` integer,
  	\`import_key\` text,
  	\`is_excerpt\` integer,
  	\`reused_from_id\` integer,
  	\`section_style\` text,
  	\`title\` text,
  	\`created_by_id\` integer,
  	\`updated_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`translation_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reused_from_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_items\`("id", "headline", "issue_id", "section_id", "date", "date_end", "position", "body", "article_url", "original_title", "excerpt", "credit", "translation_id", "import_key", "is_excerpt", "reused_from_id", "section_style", "title", "created_by_id", "updated_by_id", "updated_at", "created_at", "_status") SELECT "id", "headline", "issue_id", "section_id", "date", "date_end", "position", "body", "article_url", "original_title", "excerpt", "credit", "translation_id", "import_key", "is_excerpt", "reused_from_id", "section_style", "title", "created_by_id", "updated_by_id", "updated_at", "created_at", "_status" FROM \`items\`;`,
  )
  await db.run(sql`DROP TABLE \`items\`;`)
  await db.run(sql`ALTER TABLE \`__new_items\` RENAME TO \`items\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`items_issue_idx\` ON \`items\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`items_section_idx\` ON \`items\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`items_date_idx\` ON \`items\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`items_translation_idx\` ON \`items\` (\`translation_id\`);`)
  await db.run(sql`CREATE INDEX \`items_import_key_idx\` ON \`items\` (\`import_key\`);`)
  await db.run(sql`CREATE INDEX \`items_reused_from_idx\` ON \`items\` (\`reused_from_id\`);`)
  await db.run(sql`CREATE INDEX \`items_created_by_idx\` ON \`items\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`items_updated_by_idx\` ON \`items\` (\`updated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`items_updated_at_idx\` ON \`items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`items_created_at_idx\` ON \`items\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`items__status_idx\` ON \`items\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__items_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_headline\` text,
  	\`version_issue_id\` integer,
  	\`version_section_id\` integer,
  	\`version_date\` text,
  	\`version_date_end\` text,
  	\`version_position\` numeric,
  	\`version_body\` text,
  	\`version_article_url\` text,
  	\`version_original_title\` text,
  	\`version_excerpt\` text,
  	\`version_credit\` text,
  	\`version_translation_id\` integer,
  	\`version_import_key\` text,
  	\`version_is_excerpt\` integer,
  	\`version_reused_from_id\` integer,
  	\`version_section_style\` text,
  	\`version_title\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_translation_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reused_from_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__items_v\`("id", "parent_id", "version_headline", "version_issue_id", "version_section_id", "version_date", "version_date_end", "version_position", "version_body", "version_article_url", "version_original_title", "version_excerpt", "version_credit", "version_translation_id", "version_import_key", "version_is_excerpt", "version_reused_from_id", "version_section_style", "version_title", "version_created_by_id", "version_updated_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_headline", "version_issue_id", "version_section_id", "version_date", "version_date_end", "version_position", "version_body", "version_article_url", "version_original_title", "version_excerpt", "version_credit", "version_translation_id", "version_import_key", "version_is_excerpt", "version_reused_from_id", "version_section_style", "version_title", "version_created_by_id", "version_updated_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_items_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_items_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__items_v\` RENAME TO \`_items_v\`;`)
  await db.run(sql`CREATE INDEX \`_items_v_parent_idx\` ON \`_items_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_issue_idx\` ON \`_items_v\` (\`version_issue_id\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_section_idx\` ON \`_items_v\` (\`version_section_id\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_date_idx\` ON \`_items_v\` (\`version_date\`);`)
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_translation_idx\` ON \`_items_v\` (\`version_translation_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`_items_v_version_version_import_key_idx\` ON \`_items_v\` (\`version_import_key\`);`)
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_reused_from_idx\` ON \`_items_v\` (\`version_reused_from_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_created_by_idx\` ON \`_items_v\` (\`version_created_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_updated_by_idx\` ON \`_items_v\` (\`version_updated_by_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`_items_v_version_version_updated_at_idx\` ON \`_items_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_created_at_idx\` ON \`_items_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version__status_idx\` ON \`_items_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_created_at_idx\` ON \`_items_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_updated_at_idx\` ON \`_items_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_latest_idx\` ON \`_items_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_autosave_idx\` ON \`_items_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_sections\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`public\` integer DEFAULT false,
  	\`description\` text,
  	\`position\` numeric DEFAULT 100,
  	\`style\` text DEFAULT 'full' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_sections\`("id", "name", "slug", "public", "description", "position", "style", "updated_at", "created_at") SELECT "id", "name", "slug", "public", "description", "position", "style", "updated_at", "created_at" FROM \`sections\`;`,
  )
  await db.run(sql`DROP TABLE \`sections\`;`)
  await db.run(sql`ALTER TABLE \`__new_sections\` RENAME TO \`sections\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`sections_name_idx\` ON \`sections\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`sections_slug_idx\` ON \`sections\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`sections_public_idx\` ON \`sections\` (\`public\`);`)
  await db.run(sql`CREATE INDEX \`sections_updated_at_idx\` ON \`sections\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sections_created_at_idx\` ON \`sections\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_campaigns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`issue_id\` integer NOT NULL,
  	\`subject\` text NOT NULL,
  	\`status\` text DEFAULT 'preparing' NOT NULL,
  	\`format\` text,
  	\`html_bytes\` numeric,
  	\`total\` numeric DEFAULT 0,
  	\`sent\` numeric DEFAULT 0,
  	\`failed\` numeric DEFAULT 0,
  	\`skipped\` numeric DEFAULT 0,
  	\`batch_size\` numeric,
  	\`error_threshold\` numeric DEFAULT 10,
  	\`paused_reason\` text,
  	\`claimed_by\` text,
  	\`lease_until\` text,
  	\`started_by_id\` integer,
  	\`started_at\` text,
  	\`completed_at\` text,
  	\`html\` text,
  	\`text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`started_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_campaigns\`("id", "issue_id", "subject", "status", "format", "html_bytes", "total", "sent", "failed", "skipped", "batch_size", "error_threshold", "paused_reason", "claimed_by", "lease_until", "started_by_id", "started_at", "completed_at", "html", "text", "updated_at", "created_at") SELECT "id", "issue_id", "subject", "status", "format", "html_bytes", "total", "sent", "failed", "skipped", "batch_size", "error_threshold", "paused_reason", "claimed_by", "lease_until", "started_by_id", "started_at", "completed_at", "html", "text", "updated_at", "created_at" FROM \`campaigns\`;`,
  )
  await db.run(sql`DROP TABLE \`campaigns\`;`)
  await db.run(sql`ALTER TABLE \`__new_campaigns\` RENAME TO \`campaigns\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaigns_issue_idx\` ON \`campaigns\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_status_idx\` ON \`campaigns\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_started_by_idx\` ON \`campaigns\` (\`started_by_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_updated_at_idx\` ON \`campaigns\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_created_at_idx\` ON \`campaigns\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`issues_id\` integer,
  	\`items_id\` integer,
  	\`publications_id\` integer,
  	\`sections_id\` integer,
  	\`sources_id\` integer,
  	\`glossary_terms_id\` integer,
  	\`translations_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`subscribers_id\` integer,
  	\`change_feed_id\` integer,
  	\`rate_limits_id\` integer,
  	\`campaigns_id\` integer,
  	\`delivery_batches_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`issues_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`items_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publications_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`translations_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`change_feed_id\`) REFERENCES \`change_feed\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rate_limits_id\`) REFERENCES \`rate_limits\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`delivery_batches_id\`) REFERENCES \`delivery_batches\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "issues_id", "items_id", "publications_id", "sections_id", "sources_id", "glossary_terms_id", "translations_id", "media_id", "users_id", "subscribers_id", "change_feed_id", "rate_limits_id", "campaigns_id", "delivery_batches_id") SELECT "id", "order", "parent_id", "path", "issues_id", "items_id", "publications_id", "sections_id", "sources_id", "glossary_terms_id", "translations_id", "media_id", "users_id", "subscribers_id", "change_feed_id", "rate_limits_id", "campaigns_id", "delivery_batches_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_issues_id_idx\` ON \`payload_locked_documents_rels\` (\`issues_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_items_id_idx\` ON \`payload_locked_documents_rels\` (\`items_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_publications_id_idx\` ON \`payload_locked_documents_rels\` (\`publications_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`sources_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_glossary_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_translations_id_idx\` ON \`payload_locked_documents_rels\` (\`translations_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_change_feed_id_idx\` ON \`payload_locked_documents_rels\` (\`change_feed_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_rate_limits_id_idx\` ON \`payload_locked_documents_rels\` (\`rate_limits_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_delivery_batches_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_batches_id\`);`,
  )
  await db.run(sql`DROP INDEX \`translations_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`translations\` DROP COLUMN \`is_excerpt\`;`)
  await db.run(sql`ALTER TABLE \`translations\` DROP COLUMN \`revised_at\`;`)
  await db.run(sql`ALTER TABLE \`translations\` DROP COLUMN \`import_key\`;`)
  await db.run(sql`DROP INDEX \`_translations_v_version_version_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`_translations_v\` DROP COLUMN \`version_is_excerpt\`;`)
  await db.run(sql`ALTER TABLE \`_translations_v\` DROP COLUMN \`version_revised_at\`;`)
  await db.run(sql`ALTER TABLE \`_translations_v\` DROP COLUMN \`version_import_key\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notifications\`;`)
  await db.run(sql`ALTER TABLE \`subscribers\` DROP COLUMN \`tracking_opt_out\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
