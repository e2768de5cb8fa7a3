import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`issues_entry_groups_entries_photos\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`image_id\` integer,
  	\`caption\` text,
  	\`credit\` text,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`issues_entry_groups_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`issues_entry_groups_entries_photos_order_idx\` ON \`issues_entry_groups_entries_photos\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`issues_entry_groups_entries_photos_parent_id_idx\` ON \`issues_entry_groups_entries_photos\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`issues_entry_groups_entries_photos_image_idx\` ON \`issues_entry_groups_entries_photos\` (\`image_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`issues_entry_groups_entries\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`headline\` text,
  	\`body\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`issues_entry_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`issues_entry_groups_entries_order_idx\` ON \`issues_entry_groups_entries\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`issues_entry_groups_entries_parent_id_idx\` ON \`issues_entry_groups_entries\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`issues_entry_groups\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`heading\` text,
  	\`date\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_entry_groups_order_idx\` ON \`issues_entry_groups\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`issues_entry_groups_parent_id_idx\` ON \`issues_entry_groups\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`issues_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`issues_rels_order_idx\` ON \`issues_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_parent_idx\` ON \`issues_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_path_idx\` ON \`issues_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`issues_rels_sources_id_idx\` ON \`issues_rels\` (\`sources_id\`);`)
  await db.run(sql`CREATE TABLE \`_issues_v_version_entry_groups_entries_photos\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`image_id\` integer,
  	\`caption\` text,
  	\`credit\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_issues_v_version_entry_groups_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_entry_groups_entries_photos_order_idx\` ON \`_issues_v_version_entry_groups_entries_photos\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_entry_groups_entries_photos_parent_id_idx\` ON \`_issues_v_version_entry_groups_entries_photos\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_entry_groups_entries_photos_image_idx\` ON \`_issues_v_version_entry_groups_entries_photos\` (\`image_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_issues_v_version_entry_groups_entries\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`headline\` text,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_issues_v_version_entry_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_entry_groups_entries_order_idx\` ON \`_issues_v_version_entry_groups_entries\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_entry_groups_entries_parent_id_idx\` ON \`_issues_v_version_entry_groups_entries\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_issues_v_version_entry_groups\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`heading\` text,
  	\`date\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_entry_groups_order_idx\` ON \`_issues_v_version_entry_groups\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_entry_groups_parent_id_idx\` ON \`_issues_v_version_entry_groups\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_issues_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sources_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_issues_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_order_idx\` ON \`_issues_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_parent_idx\` ON \`_issues_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_path_idx\` ON \`_issues_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_issues_v_rels_sources_id_idx\` ON \`_issues_v_rels\` (\`sources_id\`);`)
  await db.run(sql`CREATE TABLE \`publications\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`kind\` text DEFAULT 'weekly' NOT NULL,
  	\`description\` text,
  	\`url_prefix\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`publications_name_idx\` ON \`publications\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`publications_slug_idx\` ON \`publications\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`publications_updated_at_idx\` ON \`publications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`publications_created_at_idx\` ON \`publications\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`translations_credits\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`person\` text,
  	\`role\` text DEFAULT 'translator',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`translations_credits_order_idx\` ON \`translations_credits\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`translations_credits_parent_id_idx\` ON \`translations_credits\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`translations_bilingual\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`en\` text,
  	\`zh\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`translations_bilingual_order_idx\` ON \`translations_bilingual\` (\`_order\`);`)
  await db.run(
    sql`CREATE INDEX \`translations_bilingual_parent_id_idx\` ON \`translations_bilingual\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`translations_editions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`date\` text,
  	\`body\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`translations_editions_order_idx\` ON \`translations_editions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`translations_editions_parent_id_idx\` ON \`translations_editions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`translations_update_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`translations_update_notes_order_idx\` ON \`translations_update_notes\` (\`_order\`);`)
  await db.run(
    sql`CREATE INDEX \`translations_update_notes_parent_id_idx\` ON \`translations_update_notes\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`translations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`headline\` text,
  	\`original_title\` text,
  	\`slug\` text,
  	\`source_id\` integer,
  	\`source_url\` text,
  	\`original_date\` text,
  	\`introduction\` text,
  	\`body\` text,
  	\`original\` text,
  	\`excerpt\` integer DEFAULT false,
  	\`published_at\` text,
  	\`created_by_id\` integer,
  	\`updated_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`source_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`translations_slug_idx\` ON \`translations\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`translations_source_idx\` ON \`translations\` (\`source_id\`);`)
  await db.run(sql`CREATE INDEX \`translations_created_by_idx\` ON \`translations\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`translations_updated_by_idx\` ON \`translations\` (\`updated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`translations_updated_at_idx\` ON \`translations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`translations_created_at_idx\` ON \`translations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`translations__status_idx\` ON \`translations\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`translations_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`translations_texts_order_parent\` ON \`translations_texts\` (\`order\`,\`parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`translations_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`glossary_terms_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`translations_rels_order_idx\` ON \`translations_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`translations_rels_parent_idx\` ON \`translations_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`translations_rels_path_idx\` ON \`translations_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`translations_rels_glossary_terms_id_idx\` ON \`translations_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_translations_v_version_credits\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`person\` text,
  	\`role\` text DEFAULT 'translator',
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_translations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_credits_order_idx\` ON \`_translations_v_version_credits\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_credits_parent_id_idx\` ON \`_translations_v_version_credits\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_translations_v_version_bilingual\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`en\` text,
  	\`zh\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_translations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_bilingual_order_idx\` ON \`_translations_v_version_bilingual\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_bilingual_parent_id_idx\` ON \`_translations_v_version_bilingual\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_translations_v_version_editions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`date\` text,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_translations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_editions_order_idx\` ON \`_translations_v_version_editions\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_editions_parent_id_idx\` ON \`_translations_v_version_editions\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_translations_v_version_update_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_translations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_update_notes_order_idx\` ON \`_translations_v_version_update_notes\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_update_notes_parent_id_idx\` ON \`_translations_v_version_update_notes\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_translations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_headline\` text,
  	\`version_original_title\` text,
  	\`version_slug\` text,
  	\`version_source_id\` integer,
  	\`version_source_url\` text,
  	\`version_original_date\` text,
  	\`version_introduction\` text,
  	\`version_body\` text,
  	\`version_original\` text,
  	\`version_excerpt\` integer DEFAULT false,
  	\`version_published_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_source_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_translations_v_parent_idx\` ON \`_translations_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_version_slug_idx\` ON \`_translations_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_version_source_idx\` ON \`_translations_v\` (\`version_source_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_version_created_by_idx\` ON \`_translations_v\` (\`version_created_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_version_updated_by_idx\` ON \`_translations_v\` (\`version_updated_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_version_updated_at_idx\` ON \`_translations_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_version_created_at_idx\` ON \`_translations_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_translations_v_version_version__status_idx\` ON \`_translations_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_translations_v_created_at_idx\` ON \`_translations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_translations_v_updated_at_idx\` ON \`_translations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_translations_v_latest_idx\` ON \`_translations_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_translations_v_autosave_idx\` ON \`_translations_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`_translations_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_translations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_translations_v_texts_order_parent\` ON \`_translations_v_texts\` (\`order\`,\`parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_translations_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`glossary_terms_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_translations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_translations_v_rels_order_idx\` ON \`_translations_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_translations_v_rels_parent_idx\` ON \`_translations_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_translations_v_rels_path_idx\` ON \`_translations_v_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`_translations_v_rels_glossary_terms_id_idx\` ON \`_translations_v_rels\` (\`glossary_terms_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`issues\` ADD \`kind\` text DEFAULT 'weekly';`)
  await db.run(sql`ALTER TABLE \`issues\` ADD \`subtitle\` text;`)
  await db.run(sql`ALTER TABLE \`issues\` ADD \`publisher_line\` text;`)
  await db.run(sql`ALTER TABLE \`issues\` ADD \`publication_id\` integer REFERENCES publications(id);`)
  await db.run(sql`CREATE INDEX \`issues_kind_idx\` ON \`issues\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`issues_publication_idx\` ON \`issues\` (\`publication_id\`);`)
  await db.run(sql`ALTER TABLE \`_issues_v\` ADD \`version_kind\` text DEFAULT 'weekly';`)
  await db.run(sql`ALTER TABLE \`_issues_v\` ADD \`version_subtitle\` text;`)
  await db.run(sql`ALTER TABLE \`_issues_v\` ADD \`version_publisher_line\` text;`)
  await db.run(sql`ALTER TABLE \`_issues_v\` ADD \`version_publication_id\` integer REFERENCES publications(id);`)
  await db.run(sql`CREATE INDEX \`_issues_v_version_version_kind_idx\` ON \`_issues_v\` (\`version_kind\`);`)
  await db.run(
    sql`CREATE INDEX \`_issues_v_version_version_publication_idx\` ON \`_issues_v\` (\`version_publication_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`items\` ADD \`date_end\` text;`)
  await db.run(sql`ALTER TABLE \`items\` ADD \`translation_id\` integer REFERENCES translations(id);`)
  await db.run(sql`ALTER TABLE \`items\` ADD \`import_key\` text;`)
  await db.run(sql`ALTER TABLE \`items\` ADD \`is_excerpt\` integer;`)
  await db.run(sql`CREATE INDEX \`items_translation_idx\` ON \`items\` (\`translation_id\`);`)
  await db.run(sql`CREATE INDEX \`items_import_key_idx\` ON \`items\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_date_end\` text;`)
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_translation_id\` integer REFERENCES translations(id);`)
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_import_key\` text;`)
  await db.run(sql`ALTER TABLE \`_items_v\` ADD \`version_is_excerpt\` integer;`)
  await db.run(
    sql`CREATE INDEX \`_items_v_version_version_translation_idx\` ON \`_items_v\` (\`version_translation_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`_items_v_version_version_import_key_idx\` ON \`_items_v\` (\`version_import_key\`);`)
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`publications_id\` integer REFERENCES publications(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`translations_id\` integer REFERENCES translations(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_publications_id_idx\` ON \`payload_locked_documents_rels\` (\`publications_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_translations_id_idx\` ON \`payload_locked_documents_rels\` (\`translations_id\`);`,
  )
  // Every existing issue belongs to the weekly report (idempotent; it also runs at start).
  // Its data upgrade runs after every schema migration: src/upgrades.ts (called by the newest migration).
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`issues_entry_groups_entries_photos\`;`)
  await db.run(sql`DROP TABLE \`issues_entry_groups_entries\`;`)
  await db.run(sql`DROP TABLE \`issues_entry_groups\`;`)
  await db.run(sql`DROP TABLE \`issues_rels\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_version_entry_groups_entries_photos\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_version_entry_groups_entries\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_version_entry_groups\`;`)
  await db.run(sql`DROP TABLE \`_issues_v_rels\`;`)
  await db.run(sql`DROP TABLE \`publications\`;`)
  await db.run(sql`DROP TABLE \`translations_credits\`;`)
  await db.run(sql`DROP TABLE \`translations_bilingual\`;`)
  await db.run(sql`DROP TABLE \`translations_editions\`;`)
  await db.run(sql`DROP TABLE \`translations_update_notes\`;`)
  await db.run(sql`DROP TABLE \`translations\`;`)
  await db.run(sql`DROP TABLE \`translations_texts\`;`)
  await db.run(sql`DROP TABLE \`translations_rels\`;`)
  await db.run(sql`DROP TABLE \`_translations_v_version_credits\`;`)
  await db.run(sql`DROP TABLE \`_translations_v_version_bilingual\`;`)
  await db.run(sql`DROP TABLE \`_translations_v_version_editions\`;`)
  await db.run(sql`DROP TABLE \`_translations_v_version_update_notes\`;`)
  await db.run(sql`DROP TABLE \`_translations_v\`;`)
  await db.run(sql`DROP TABLE \`_translations_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_translations_v_rels\`;`)
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
  	\`updated_by_id\` integer,
  	\`newsletter_format\` text DEFAULT 'auto',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_issues\`("id", "title", "volume", "number", "label", "period_label", "slug", "planned_publication", "period_start", "period_end", "cover_image_id", "editors_note", "published_at", "updated_by_id", "newsletter_format", "updated_at", "created_at", "_status") SELECT "id", "title", "volume", "number", "label", "period_label", "slug", "planned_publication", "period_start", "period_end", "cover_image_id", "editors_note", "published_at", "updated_by_id", "newsletter_format", "updated_at", "created_at", "_status" FROM \`issues\`;`,
  )
  await db.run(sql`DROP TABLE \`issues\`;`)
  await db.run(sql`ALTER TABLE \`__new_issues\` RENAME TO \`issues\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`issues_slug_idx\` ON \`issues\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`issues_period_end_idx\` ON \`issues\` (\`period_end\`);`)
  await db.run(sql`CREATE INDEX \`issues_cover_image_idx\` ON \`issues\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`issues_updated_by_idx\` ON \`issues\` (\`updated_by_id\`);`)
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
  	\`version_updated_by_id\` integer,
  	\`version_newsletter_format\` text DEFAULT 'auto',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__issues_v\`("id", "parent_id", "version_title", "version_volume", "version_number", "version_label", "version_period_label", "version_slug", "version_planned_publication", "version_period_start", "version_period_end", "version_cover_image_id", "version_editors_note", "version_published_at", "version_updated_by_id", "version_newsletter_format", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_volume", "version_number", "version_label", "version_period_label", "version_slug", "version_planned_publication", "version_period_start", "version_period_end", "version_cover_image_id", "version_editors_note", "version_published_at", "version_updated_by_id", "version_newsletter_format", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_issues_v\`;`,
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
    sql`CREATE INDEX \`_issues_v_version_version_updated_by_idx\` ON \`_issues_v\` (\`version_updated_by_id\`);`,
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
  	\`updated_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`issue_id\`) REFERENCES \`issues\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reused_from_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_items\`("id", "headline", "issue_id", "section_id", "date", "position", "body", "article_url", "original_title", "excerpt", "credit", "reused_from_id", "section_style", "title", "created_by_id", "updated_by_id", "updated_at", "created_at", "_status") SELECT "id", "headline", "issue_id", "section_id", "date", "position", "body", "article_url", "original_title", "excerpt", "credit", "reused_from_id", "section_style", "title", "created_by_id", "updated_by_id", "updated_at", "created_at", "_status" FROM \`items\`;`,
  )
  await db.run(sql`DROP TABLE \`items\`;`)
  await db.run(sql`ALTER TABLE \`__new_items\` RENAME TO \`items\`;`)
  await db.run(sql`CREATE INDEX \`items_issue_idx\` ON \`items\` (\`issue_id\`);`)
  await db.run(sql`CREATE INDEX \`items_section_idx\` ON \`items\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`items_date_idx\` ON \`items\` (\`date\`);`)
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
  	FOREIGN KEY (\`version_reused_from_id\`) REFERENCES \`items\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__items_v\`("id", "parent_id", "version_headline", "version_issue_id", "version_section_id", "version_date", "version_position", "version_body", "version_article_url", "version_original_title", "version_excerpt", "version_credit", "version_reused_from_id", "version_section_style", "version_title", "version_created_by_id", "version_updated_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_headline", "version_issue_id", "version_section_id", "version_date", "version_position", "version_body", "version_article_url", "version_original_title", "version_excerpt", "version_credit", "version_reused_from_id", "version_section_style", "version_title", "version_created_by_id", "version_updated_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_items_v\`;`,
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
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`issues_id\` integer,
  	\`items_id\` integer,
  	\`sections_id\` integer,
  	\`sources_id\` integer,
  	\`glossary_terms_id\` integer,
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
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sources_id\`) REFERENCES \`sources\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`glossary_terms_id\`) REFERENCES \`glossary_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "issues_id", "items_id", "sections_id", "sources_id", "glossary_terms_id", "media_id", "users_id", "subscribers_id", "change_feed_id", "rate_limits_id", "campaigns_id", "delivery_batches_id") SELECT "id", "order", "parent_id", "path", "issues_id", "items_id", "sections_id", "sources_id", "glossary_terms_id", "media_id", "users_id", "subscribers_id", "change_feed_id", "rate_limits_id", "campaigns_id", "delivery_batches_id" FROM \`payload_locked_documents_rels\`;`,
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
    sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_sources_id_idx\` ON \`payload_locked_documents_rels\` (\`sources_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_glossary_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`glossary_terms_id\`);`,
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
}
