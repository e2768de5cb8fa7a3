import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`scheduled_sends\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`issue_id\` integer NOT NULL,
  	\`action\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`newsletter_id\` integer NOT NULL,
  	\`segment_id\` integer,
  	\`override\` text,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`failure\` text,
  	\`scheduled_by_id\` integer,
  	\`cancelled_by_id\` integer,
  	\`cancelled_at\` text,
  	\`ran_at\` text,
  	\`campaign_id\` integer,
  	\`pending_key\` text,
  	\`claimed_by\` text,
  	\`job\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`newsletter_id\`) REFERENCES \`newsletters\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`segment_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`scheduled_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cancelled_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`scheduled_sends_issue_idx\` ON \`scheduled_sends\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_sends_at_idx\` ON \`scheduled_sends\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_sends_newsletter_idx\` ON \`scheduled_sends\` (\`newsletter_id\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_sends_segment_idx\` ON \`scheduled_sends\` (\`segment_id\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_sends_status_idx\` ON \`scheduled_sends\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_sends_scheduled_by_idx\` ON \`scheduled_sends\` (\`scheduled_by_id\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_sends_cancelled_by_idx\` ON \`scheduled_sends\` (\`cancelled_by_id\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_sends_campaign_idx\` ON \`scheduled_sends\` (\`campaign_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`scheduled_sends_pending_key_idx\` ON \`scheduled_sends\` (\`pending_key\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_sends_updated_at_idx\` ON \`scheduled_sends\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`scheduled_sends_created_at_idx\` ON \`scheduled_sends\` (\`created_at\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_campaigns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`issue_id\` integer,
  	\`translation_id\` integer,
  	\`newsletter_id\` integer,
  	\`segment_id\` integer,
  	\`key\` text,
  	\`subject\` text NOT NULL,
  	\`status\` text DEFAULT 'preparing' NOT NULL,
  	\`format\` text,
  	\`tracking\` text DEFAULT 'off',
  	\`html_bytes\` numeric,
  	\`total\` numeric DEFAULT 0,
  	\`sent\` numeric DEFAULT 0,
  	\`failed\` numeric DEFAULT 0,
  	\`skipped\` numeric DEFAULT 0,
  	\`batch_size\` numeric,
  	\`error_threshold\` numeric DEFAULT 10,
  	\`paused_reason\` text,
  	\`override_reason\` text,
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
  	FOREIGN KEY (\`translation_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`newsletter_id\`) REFERENCES \`newsletters\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`segment_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`started_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_campaigns\`("id", "issue_id", "newsletter_id", "segment_id", "key", "subject", "status", "format", "tracking", "html_bytes", "total", "sent", "failed", "skipped", "batch_size", "error_threshold", "paused_reason", "claimed_by", "lease_until", "started_by_id", "started_at", "completed_at", "html", "text", "updated_at", "created_at") SELECT "id", "issue_id", "newsletter_id", "segment_id", "key", "subject", "status", "format", "tracking", "html_bytes", "total", "sent", "failed", "skipped", "batch_size", "error_threshold", "paused_reason", "claimed_by", "lease_until", "started_by_id", "started_at", "completed_at", "html", "text", "updated_at", "created_at" FROM \`campaigns\`;`,
  )
  await db.run(sql`DROP TABLE \`campaigns\`;`)
  await db.run(sql`ALTER TABLE \`__new_campaigns\` RENAME TO \`campaigns\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`campaigns_issue_idx\` ON \`campaigns\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_translation_idx\` ON \`campaigns\` (\`translation_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_newsletter_idx\` ON \`campaigns\` (\`newsletter_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_segment_idx\` ON \`campaigns\` (\`segment_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaigns_key_idx\` ON \`campaigns\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_status_idx\` ON \`campaigns\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_started_by_idx\` ON \`campaigns\` (\`started_by_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_updated_at_idx\` ON \`campaigns\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_created_at_idx\` ON \`campaigns\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`issues_rels\` ADD \`glossary_terms_id\` integer REFERENCES glossary_terms(id);`)
  await db.run(sql`CREATE INDEX \`issues_rels_glossary_terms_id_idx\` ON \`issues_rels\` (\`glossary_terms_id\`);`)
  await db.run(sql`ALTER TABLE \`_issues_v_rels\` ADD \`glossary_terms_id\` integer REFERENCES glossary_terms(id);`)
  await db.run(
    sql`CREATE INDEX \`_issues_v_rels_glossary_terms_id_idx\` ON \`_issues_v_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`items\` ADD \`reused_from_translation_id\` integer REFERENCES translations(id);`)
  await db.run(sql`ALTER TABLE \`items\` ADD \`reused_from_entry_issue_id\` integer REFERENCES issues(id);`)
  await db.run(sql`ALTER TABLE \`items\` ADD \`reused_from_entry_anchor\` text;`)
  await db.run(sql`CREATE INDEX \`items_reused_from_translation_idx\` ON \`items\` (\`reused_from_translation_id\`);`)
  await db.run(
    sql`CREATE INDEX \`items_reused_from_entry_reused_from_entry_issue_idx\` ON \`items\` (\`reused_from_entry_issue_id\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`_items_v\` ADD \`version_reused_from_translation_id\` integer REFERENCES translations(id);`,
  )
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_reused_from_entry_issue_id\` integer REFERENCES issues(id);`)
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_reused_from_entry_anchor\` text;`)
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_reused_from_translation_idx\` ON \`_items_v\` (\`version_reused_from_translation_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_items_v_version_reused_from_entry_version_reused_from_e_idx\` ON \`_items_v\` (\`version_reused_from_entry_issue_id\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`scheduled_sends_id\` integer REFERENCES scheduled_sends(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_scheduled_sends_id_idx\` ON \`payload_locked_documents_rels\` (\`scheduled_sends_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`scheduled_sends\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_issues_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_issues_rels\`("id", "order", "parent_id", "path", "sources_id") SELECT "id", "order", "parent_id", "path", "sources_id" FROM \`issues_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`issues_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_issues_rels\` RENAME TO \`issues_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`issues_rels_order_idx\` ON \`issues_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_parent_idx\` ON \`issues_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_path_idx\` ON \`issues_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_sources_id_idx\` ON \`issues_rels\` (\`sources_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__issues_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__issues_v_rels\`("id", "order", "parent_id", "path", "sources_id") SELECT "id", "order", "parent_id", "path", "sources_id" FROM \`_issues_v_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`_issues_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__issues_v_rels\` RENAME TO \`_issues_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_order_idx\` ON \`_issues_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_parent_idx\` ON \`_issues_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_path_idx\` ON \`_issues_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_sources_id_idx\` ON \`_issues_v_rels\` (\`sources_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`headline\` text,
  	\`issue_id\` integer,
  	\`section_id\` integer,
  	\`date\` text,
  	\`date_end\` text,
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
  	\`order_key\` text,
  	\`position\` numeric,
  	\`title\` text,
  	\`created_by_id\` integer,
  	\`updated_by_id\` integer,
  	\`assignee_id\` integer,
  	\`status\` text DEFAULT 'unassigned',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`translation_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reused_from_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_items\`("id", "headline", "issue_id", "section_id", "date", "date_end", "body", "article_url", "original_title", "excerpt", "credit", "translation_id", "import_key", "is_excerpt", "reused_from_id", "section_style", "order_key", "position", "title", "created_by_id", "updated_by_id", "assignee_id", "status", "updated_at", "created_at", "_status") SELECT "id", "headline", "issue_id", "section_id", "date", "date_end", "body", "article_url", "original_title", "excerpt", "credit", "translation_id", "import_key", "is_excerpt", "reused_from_id", "section_style", "order_key", "position", "title", "created_by_id", "updated_by_id", "assignee_id", "status", "updated_at", "created_at", "_status" FROM \`items\`;`,
  )
  await db.run(sql`DROP TABLE \`items\`;`)
  await db.run(sql`ALTER TABLE \`__new_items\` RENAME TO \`items\`;`)
  await db.run(sql`CREATE INDEX \`items_issue_idx\` ON \`items\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`items_section_idx\` ON \`items\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`items_date_idx\` ON \`items\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`items_translation_idx\` ON \`items\` (\`translation_id\`);`)
  await db.run(sql`CREATE INDEX \`items_import_key_idx\` ON \`items\` (\`import_key\`);`)
  await db.run(sql`CREATE INDEX \`items_reused_from_idx\` ON \`items\` (\`reused_from_id\`);`)
  await db.run(sql`CREATE INDEX \`items_order_key_idx\` ON \`items\` (\`order_key\`);`)
  await db.run(sql`CREATE INDEX \`items_created_by_idx\` ON \`items\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`items_updated_by_idx\` ON \`items\` (\`updated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`items_assignee_idx\` ON \`items\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`items_status_idx\` ON \`items\` (\`status\`);`)
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
  	\`version_order_key\` text,
  	\`version_position\` numeric,
  	\`version_title\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_by_id\` integer,
  	\`version_assignee_id\` integer,
  	\`version_status\` text DEFAULT 'unassigned',
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
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__items_v\`("id", "parent_id", "version_headline", "version_issue_id", "version_section_id", "version_date", "version_date_end", "version_body", "version_article_url", "version_original_title", "version_excerpt", "version_credit", "version_translation_id", "version_import_key", "version_is_excerpt", "version_reused_from_id", "version_section_style", "version_order_key", "version_position", "version_title", "version_created_by_id", "version_updated_by_id", "version_assignee_id", "version_status", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_headline", "version_issue_id", "version_section_id", "version_date", "version_date_end", "version_body", "version_article_url", "version_original_title", "version_excerpt", "version_credit", "version_translation_id", "version_import_key", "version_is_excerpt", "version_reused_from_id", "version_section_style", "version_order_key", "version_position", "version_title", "version_created_by_id", "version_updated_by_id", "version_assignee_id", "version_status", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_items_v\`;`,
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
  await db.run(sql`CREATE INDEX \`_items_v_version_version_order_key_idx\` ON \`_items_v\` (\`version_order_key\`);`)
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_created_by_idx\` ON \`_items_v\` (\`version_created_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_updated_by_idx\` ON \`_items_v\` (\`version_updated_by_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`_items_v_version_version_assignee_idx\` ON \`_items_v\` (\`version_assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_status_idx\` ON \`_items_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_updated_at_idx\` ON \`_items_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_created_at_idx\` ON \`_items_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version__status_idx\` ON \`_items_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_created_at_idx\` ON \`_items_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_updated_at_idx\` ON \`_items_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_latest_idx\` ON \`_items_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_autosave_idx\` ON \`_items_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_campaigns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`issue_id\` integer NOT NULL,
  	\`newsletter_id\` integer,
  	\`segment_id\` integer,
  	\`key\` text,
  	\`subject\` text NOT NULL,
  	\`status\` text DEFAULT 'preparing' NOT NULL,
  	\`format\` text,
  	\`tracking\` text DEFAULT 'off',
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
  	FOREIGN KEY (\`newsletter_id\`) REFERENCES \`newsletters\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`segment_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`started_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_campaigns\`("id", "issue_id", "newsletter_id", "segment_id", "key", "subject", "status", "format", "tracking", "html_bytes", "total", "sent", "failed", "skipped", "batch_size", "error_threshold", "paused_reason", "claimed_by", "lease_until", "started_by_id", "started_at", "completed_at", "html", "text", "updated_at", "created_at") SELECT "id", "issue_id", "newsletter_id", "segment_id", "key", "subject", "status", "format", "tracking", "html_bytes", "total", "sent", "failed", "skipped", "batch_size", "error_threshold", "paused_reason", "claimed_by", "lease_until", "started_by_id", "started_at", "completed_at", "html", "text", "updated_at", "created_at" FROM \`campaigns\`;`,
  )
  await db.run(sql`DROP TABLE \`campaigns\`;`)
  await db.run(sql`ALTER TABLE \`__new_campaigns\` RENAME TO \`campaigns\`;`)
  await db.run(sql`CREATE INDEX \`campaigns_issue_idx\` ON \`campaigns\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_newsletter_idx\` ON \`campaigns\` (\`newsletter_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_segment_idx\` ON \`campaigns\` (\`segment_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaigns_key_idx\` ON \`campaigns\` (\`key\`);`)
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
  	\`import_profiles_id\` integer,
  	\`newsletters_id\` integer,
  	\`subscriptions_id\` integer,
  	\`segments_id\` integer,
  	\`campaigns_id\` integer,
  	\`delivery_batches_id\` integer,
  	\`engagement_events_id\` integer,
  	\`comments_id\` integer,
  	\`pending_notifications_id\` integer,
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
  	FOREIGN KEY (\`import_profiles_id\`) REFERENCES \`import_profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsletters_id\`) REFERENCES \`newsletters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscriptions_id\`) REFERENCES \`subscriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`delivery_batches_id\`) REFERENCES \`delivery_batches\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`engagement_events_id\`) REFERENCES \`engagement_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pending_notifications_id\`) REFERENCES \`pending_notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "issues_id", "items_id", "publications_id", "sections_id", "sources_id", "glossary_terms_id", "translations_id", "media_id", "users_id", "subscribers_id", "change_feed_id", "rate_limits_id", "import_profiles_id", "newsletters_id", "subscriptions_id", "segments_id", "campaigns_id", "delivery_batches_id", "engagement_events_id", "comments_id", "pending_notifications_id") SELECT "id", "order", "parent_id", "path", "issues_id", "items_id", "publications_id", "sections_id", "sources_id", "glossary_terms_id", "translations_id", "media_id", "users_id", "subscribers_id", "change_feed_id", "rate_limits_id", "import_profiles_id", "newsletters_id", "subscriptions_id", "segments_id", "campaigns_id", "delivery_batches_id", "engagement_events_id", "comments_id", "pending_notifications_id" FROM \`payload_locked_documents_rels\`;`,
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
    sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_delivery_batches_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_batches_id\`);`,
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
}
