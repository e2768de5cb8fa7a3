import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`issues\` ADD \`updated_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`issues_updated_by_idx\` ON \`issues\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_issues_v\` ADD \`version_updated_by_id\` integer REFERENCES users(id);`)
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_version_updated_by_idx\` ON \`_issues_v\` (\`version_updated_by_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`items\` ADD \`updated_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`items_updated_by_idx\` ON \`items\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_updated_by_id\` integer REFERENCES users(id);`)
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_updated_by_idx\` ON \`_items_v\` (\`version_updated_by_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_issues\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT 'Weekly Report',
  	\`volume\` numeric,
  	\`number\` numeric,
  	\`label\` text,
  	\`period_label\` text,
  	\`slug\` text,
  	\`planned_publication\` text,
  	\`period_start\` text,
  	\`period_end\` text,
  	\`cover_image_id\` integer,
  	\`editors_note\` text,
  	\`published_at\` text,
  	\`newsletter_format\` text DEFAULT 'auto',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_issues\`("id", "title", "volume", "number", "label", "period_label", "slug", "planned_publication", "period_start", "period_end", "cover_image_id", "editors_note", "published_at", "newsletter_format", "updated_at", "created_at", "_status") SELECT "id", "title", "volume", "number", "label", "period_label", "slug", "planned_publication", "period_start", "period_end", "cover_image_id", "editors_note", "published_at", "newsletter_format", "updated_at", "created_at", "_status" FROM \`issues\`;`,
  )
  await db.run(sql`DROP TABLE \`issues\`;`)
  await db.run(sql`ALTER TABLE \`__new_issues\` RENAME TO \`issues\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`issues_slug_idx\` ON \`issues\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`issues_period_end_idx\` ON \`issues\` (\`period_end\`);`)
  await db.run(sql`CREATE INDEX \`issues_cover_image_idx\` ON \`issues\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_updated_at_idx\` ON \`issues\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`issues_created_at_idx\` ON \`issues\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`issues__status_idx\` ON \`issues\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__issues_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text DEFAULT 'Weekly Report',
  	\`version_volume\` numeric,
  	\`version_number\` numeric,
  	\`version_label\` text,
  	\`version_period_label\` text,
  	\`version_slug\` text,
  	\`version_planned_publication\` text,
  	\`version_period_start\` text,
  	\`version_period_end\` text,
  	\`version_cover_image_id\` integer,
  	\`version_editors_note\` text,
  	\`version_published_at\` text,
  	\`version_newsletter_format\` text DEFAULT 'auto',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__issues_v\`("id", "parent_id", "version_title", "version_volume", "version_number", "version_label", "version_period_label", "version_slug", "version_planned_publication", "version_period_start", "version_period_end", "version_cover_image_id", "version_editors_note", "version_published_at", "version_newsletter_format", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_volume", "version_number", "version_label", "version_period_label", "version_slug", "version_planned_publication", "version_period_start", "version_period_end", "version_cover_image_id", "version_editors_note", "version_published_at", "version_newsletter_format", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_issues_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_issues_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__issues_v\` RENAME TO \`_issues_v\`;`)
  await db.run(sql`CREATE INDEX \`_issues_v_parent_idx\` ON \`_issues_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_version_version_slug_idx\` ON \`_issues_v\` (\`version_slug\`);`)
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_version_period_end_idx\` ON \`_issues_v\` (\`version_period_end\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_version_cover_image_idx\` ON \`_issues_v\` (\`version_cover_image_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_version_updated_at_idx\` ON \`_issues_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_version_created_at_idx\` ON \`_issues_v\` (\`version_created_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_issues_v_version_version__status_idx\` ON \`_issues_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_created_at_idx\` ON \`_issues_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_updated_at_idx\` ON \`_issues_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_latest_idx\` ON \`_issues_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_autosave_idx\` ON \`_issues_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`headline\` text,
  	\`issue_id\` integer,
  	\`section_id\` integer,
  	\`date\` text,
  	\`position\` numeric,
  	\`body\` text,
  	\`article_url\` text,
  	\`original_title\` text,
  	\`excerpt\` text,
  	\`credit\` text,
  	\`reused_from_id\` integer,
  	\`section_style\` text,
  	\`title\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reused_from_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_items\`("id", "headline", "issue_id", "section_id", "date", "position", "body", "article_url", "original_title", "excerpt", "credit", "reused_from_id", "section_style", "title", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "headline", "issue_id", "section_id", "date", "position", "body", "article_url", "original_title", "excerpt", "credit", "reused_from_id", "section_style", "title", "created_by_id", "updated_at", "created_at", "_status" FROM \`items\`;`,
  )
  await db.run(sql`DROP TABLE \`items\`;`)
  await db.run(sql`ALTER TABLE \`__new_items\` RENAME TO \`items\`;`)
  await db.run(sql`CREATE INDEX \`items_issue_idx\` ON \`items\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`items_section_idx\` ON \`items\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`items_date_idx\` ON \`items\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`items_reused_from_idx\` ON \`items\` (\`reused_from_id\`);`)
  await db.run(sql`CREATE INDEX \`items_created_by_idx\` ON \`items\` (\`created_by_id\`);`)
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
  	\`version_position\` numeric,
  	\`version_body\` text,
  	\`version_article_url\` text,
  	\`version_original_title\` text,
  	\`version_excerpt\` text,
  	\`version_credit\` text,
  	\`version_reused_from_id\` integer,
  	\`version_section_style\` text,
  	\`version_title\` text,
  	\`version_created_by_id\` integer,
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
  	FOREIGN KEY (\`version_reused_from_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__items_v\`("id", "parent_id", "version_headline", "version_issue_id", "version_section_id", "version_date", "version_position", "version_body", "version_article_url", "version_original_title", "version_excerpt", "version_credit", "version_reused_from_id", "version_section_style", "version_title", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_headline", "version_issue_id", "version_section_id", "version_date", "version_position", "version_body", "version_article_url", "version_original_title", "version_excerpt", "version_credit", "version_reused_from_id", "version_section_style", "version_title", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_items_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_items_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__items_v\` RENAME TO \`_items_v\`;`)
  await db.run(sql`CREATE INDEX \`_items_v_parent_idx\` ON \`_items_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_issue_idx\` ON \`_items_v\` (\`version_issue_id\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_section_idx\` ON \`_items_v\` (\`version_section_id\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_date_idx\` ON \`_items_v\` (\`version_date\`);`)
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_reused_from_idx\` ON \`_items_v\` (\`version_reused_from_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_created_by_idx\` ON \`_items_v\` (\`version_created_by_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`_items_v_version_version_updated_at_idx\` ON \`_items_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version_created_at_idx\` ON \`_items_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_version_version__status_idx\` ON \`_items_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_created_at_idx\` ON \`_items_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_updated_at_idx\` ON \`_items_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_latest_idx\` ON \`_items_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_items_v_autosave_idx\` ON \`_items_v\` (\`autosave\`);`)
}
