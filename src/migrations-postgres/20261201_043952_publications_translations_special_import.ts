import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_issues_kind" AS ENUM('weekly', 'special');
  CREATE TYPE "public"."enum__issues_v_version_kind" AS ENUM('weekly', 'special');
  CREATE TYPE "public"."enum_publications_kind" AS ENUM('weekly', 'special', 'translations');
  CREATE TYPE "public"."enum_translations_credits_role" AS ENUM('translator', 'introduction', 'editor');
  CREATE TYPE "public"."enum_translations_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__translations_v_version_credits_role" AS ENUM('translator', 'introduction', 'editor');
  CREATE TYPE "public"."enum__translations_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "issues_entry_groups_entries_photos" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar,
  	"credit" varchar
  );
  
  CREATE TABLE "issues_entry_groups_entries" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"headline" varchar,
  	"body" jsonb
  );
  
  CREATE TABLE "issues_entry_groups" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"date" timestamp(3) with time zone
  );
  
  CREATE TABLE "issues_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sources_id" integer
  );
  
  CREATE TABLE "_issues_v_version_entry_groups_entries_photos" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar,
  	"credit" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_issues_v_version_entry_groups_entries" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"headline" varchar,
  	"body" jsonb,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_issues_v_version_entry_groups" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"date" timestamp(3) with time zone,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_issues_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sources_id" integer
  );
  
  CREATE TABLE "publications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"kind" "enum_publications_kind" DEFAULT 'weekly' NOT NULL,
  	"description" varchar,
  	"url_prefix" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "translations_credits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person" varchar,
  	"role" "enum_translations_credits_role" DEFAULT 'translator'
  );
  
  CREATE TABLE "translations_bilingual" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"en" varchar,
  	"zh" varchar
  );
  
  CREATE TABLE "translations_editions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"date" timestamp(3) with time zone,
  	"body" varchar
  );
  
  CREATE TABLE "translations_update_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"text" varchar
  );
  
  CREATE TABLE "translations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"headline" varchar,
  	"original_title" varchar,
  	"slug" varchar,
  	"source_id" integer,
  	"source_url" varchar,
  	"original_date" timestamp(3) with time zone,
  	"introduction" jsonb,
  	"body" jsonb,
  	"original" jsonb,
  	"excerpt" boolean DEFAULT false,
  	"published_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_translations_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "translations_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "translations_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"glossary_terms_id" integer
  );
  
  CREATE TABLE "_translations_v_version_credits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"person" varchar,
  	"role" "enum__translations_v_version_credits_role" DEFAULT 'translator',
  	"_uuid" varchar
  );
  
  CREATE TABLE "_translations_v_version_bilingual" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"en" varchar,
  	"zh" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_translations_v_version_editions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"date" timestamp(3) with time zone,
  	"body" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_translations_v_version_update_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"text" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_translations_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_headline" varchar,
  	"version_original_title" varchar,
  	"version_slug" varchar,
  	"version_source_id" integer,
  	"version_source_url" varchar,
  	"version_original_date" timestamp(3) with time zone,
  	"version_introduction" jsonb,
  	"version_body" jsonb,
  	"version_original" jsonb,
  	"version_excerpt" boolean DEFAULT false,
  	"version_published_at" timestamp(3) with time zone,
  	"version_created_by_id" integer,
  	"version_updated_by_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__translations_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_translations_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_translations_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"glossary_terms_id" integer
  );
  
  ALTER TABLE "issues" ADD COLUMN "kind" "enum_issues_kind" DEFAULT 'weekly';
  ALTER TABLE "issues" ADD COLUMN "subtitle" varchar;
  ALTER TABLE "issues" ADD COLUMN "publisher_line" varchar;
  ALTER TABLE "issues" ADD COLUMN "publication_id" integer;
  ALTER TABLE "_issues_v" ADD COLUMN "version_kind" "enum__issues_v_version_kind" DEFAULT 'weekly';
  ALTER TABLE "_issues_v" ADD COLUMN "version_subtitle" varchar;
  ALTER TABLE "_issues_v" ADD COLUMN "version_publisher_line" varchar;
  ALTER TABLE "_issues_v" ADD COLUMN "version_publication_id" integer;
  ALTER TABLE "items" ADD COLUMN "date_end" timestamp(3) with time zone;
  ALTER TABLE "items" ADD COLUMN "translation_id" integer;
  ALTER TABLE "items" ADD COLUMN "import_key" varchar;
  ALTER TABLE "items" ADD COLUMN "is_excerpt" boolean;
  ALTER TABLE "_items_v" ADD COLUMN "version_date_end" timestamp(3) with time zone;
  ALTER TABLE "_items_v" ADD COLUMN "version_translation_id" integer;
  ALTER TABLE "_items_v" ADD COLUMN "version_import_key" varchar;
  ALTER TABLE "_items_v" ADD COLUMN "version_is_excerpt" boolean;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "publications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "translations_id" integer;
  ALTER TABLE "issues_entry_groups_entries_photos" ADD CONSTRAINT "issues_entry_groups_entries_photos_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "issues_entry_groups_entries_photos" ADD CONSTRAINT "issues_entry_groups_entries_photos_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."issues_entry_groups_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "issues_entry_groups_entries" ADD CONSTRAINT "issues_entry_groups_entries_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."issues_entry_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "issues_entry_groups" ADD CONSTRAINT "issues_entry_groups_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "issues_rels" ADD CONSTRAINT "issues_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "issues_rels" ADD CONSTRAINT "issues_rels_sources_fk" FOREIGN KEY ("sources_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_issues_v_version_entry_groups_entries_photos" ADD CONSTRAINT "_issues_v_version_entry_groups_entries_photos_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_issues_v_version_entry_groups_entries_photos" ADD CONSTRAINT "_issues_v_version_entry_groups_entries_photos_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_issues_v_version_entry_groups_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_issues_v_version_entry_groups_entries" ADD CONSTRAINT "_issues_v_version_entry_groups_entries_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_issues_v_version_entry_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_issues_v_version_entry_groups" ADD CONSTRAINT "_issues_v_version_entry_groups_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_issues_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_issues_v_rels" ADD CONSTRAINT "_issues_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_issues_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_issues_v_rels" ADD CONSTRAINT "_issues_v_rels_sources_fk" FOREIGN KEY ("sources_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "translations_credits" ADD CONSTRAINT "translations_credits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "translations_bilingual" ADD CONSTRAINT "translations_bilingual_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "translations_editions" ADD CONSTRAINT "translations_editions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "translations_update_notes" ADD CONSTRAINT "translations_update_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "translations" ADD CONSTRAINT "translations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "translations" ADD CONSTRAINT "translations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "translations" ADD CONSTRAINT "translations_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "translations_texts" ADD CONSTRAINT "translations_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "translations_rels" ADD CONSTRAINT "translations_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "translations_rels" ADD CONSTRAINT "translations_rels_glossary_terms_fk" FOREIGN KEY ("glossary_terms_id") REFERENCES "public"."glossary_terms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_translations_v_version_credits" ADD CONSTRAINT "_translations_v_version_credits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_translations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_translations_v_version_bilingual" ADD CONSTRAINT "_translations_v_version_bilingual_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_translations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_translations_v_version_editions" ADD CONSTRAINT "_translations_v_version_editions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_translations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_translations_v_version_update_notes" ADD CONSTRAINT "_translations_v_version_update_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_translations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_translations_v" ADD CONSTRAINT "_translations_v_parent_id_translations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."translations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_translations_v" ADD CONSTRAINT "_translations_v_version_source_id_sources_id_fk" FOREIGN KEY ("version_source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_translations_v" ADD CONSTRAINT "_translations_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_translations_v" ADD CONSTRAINT "_translations_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_translations_v_texts" ADD CONSTRAINT "_translations_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_translations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_translations_v_rels" ADD CONSTRAINT "_translations_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_translations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_translations_v_rels" ADD CONSTRAINT "_translations_v_rels_glossary_terms_fk" FOREIGN KEY ("glossary_terms_id") REFERENCES "public"."glossary_terms"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "issues_entry_groups_entries_photos_order_idx" ON "issues_entry_groups_entries_photos" USING btree ("_order");
  CREATE INDEX "issues_entry_groups_entries_photos_parent_id_idx" ON "issues_entry_groups_entries_photos" USING btree ("_parent_id");
  CREATE INDEX "issues_entry_groups_entries_photos_image_idx" ON "issues_entry_groups_entries_photos" USING btree ("image_id");
  CREATE INDEX "issues_entry_groups_entries_order_idx" ON "issues_entry_groups_entries" USING btree ("_order");
  CREATE INDEX "issues_entry_groups_entries_parent_id_idx" ON "issues_entry_groups_entries" USING btree ("_parent_id");
  CREATE INDEX "issues_entry_groups_order_idx" ON "issues_entry_groups" USING btree ("_order");
  CREATE INDEX "issues_entry_groups_parent_id_idx" ON "issues_entry_groups" USING btree ("_parent_id");
  CREATE INDEX "issues_rels_order_idx" ON "issues_rels" USING btree ("order");
  CREATE INDEX "issues_rels_parent_idx" ON "issues_rels" USING btree ("parent_id");
  CREATE INDEX "issues_rels_path_idx" ON "issues_rels" USING btree ("path");
  CREATE INDEX "issues_rels_sources_id_idx" ON "issues_rels" USING btree ("sources_id");
  CREATE INDEX "_issues_v_version_entry_groups_entries_photos_order_idx" ON "_issues_v_version_entry_groups_entries_photos" USING btree ("_order");
  CREATE INDEX "_issues_v_version_entry_groups_entries_photos_parent_id_idx" ON "_issues_v_version_entry_groups_entries_photos" USING btree ("_parent_id");
  CREATE INDEX "_issues_v_version_entry_groups_entries_photos_image_idx" ON "_issues_v_version_entry_groups_entries_photos" USING btree ("image_id");
  CREATE INDEX "_issues_v_version_entry_groups_entries_order_idx" ON "_issues_v_version_entry_groups_entries" USING btree ("_order");
  CREATE INDEX "_issues_v_version_entry_groups_entries_parent_id_idx" ON "_issues_v_version_entry_groups_entries" USING btree ("_parent_id");
  CREATE INDEX "_issues_v_version_entry_groups_order_idx" ON "_issues_v_version_entry_groups" USING btree ("_order");
  CREATE INDEX "_issues_v_version_entry_groups_parent_id_idx" ON "_issues_v_version_entry_groups" USING btree ("_parent_id");
  CREATE INDEX "_issues_v_rels_order_idx" ON "_issues_v_rels" USING btree ("order");
  CREATE INDEX "_issues_v_rels_parent_idx" ON "_issues_v_rels" USING btree ("parent_id");
  CREATE INDEX "_issues_v_rels_path_idx" ON "_issues_v_rels" USING btree ("path");
  CREATE INDEX "_issues_v_rels_sources_id_idx" ON "_issues_v_rels" USING btree ("sources_id");
  CREATE UNIQUE INDEX "publications_name_idx" ON "publications" USING btree ("name");
  CREATE UNIQUE INDEX "publications_slug_idx" ON "publications" USING btree ("slug");
  CREATE INDEX "publications_updated_at_idx" ON "publications" USING btree ("updated_at");
  CREATE INDEX "publications_created_at_idx" ON "publications" USING btree ("created_at");
  CREATE INDEX "translations_credits_order_idx" ON "translations_credits" USING btree ("_order");
  CREATE INDEX "translations_credits_parent_id_idx" ON "translations_credits" USING btree ("_parent_id");
  CREATE INDEX "translations_bilingual_order_idx" ON "translations_bilingual" USING btree ("_order");
  CREATE INDEX "translations_bilingual_parent_id_idx" ON "translations_bilingual" USING btree ("_parent_id");
  CREATE INDEX "translations_editions_order_idx" ON "translations_editions" USING btree ("_order");
  CREATE INDEX "translations_editions_parent_id_idx" ON "translations_editions" USING btree ("_parent_id");
  CREATE INDEX "translations_update_notes_order_idx" ON "translations_update_notes" USING btree ("_order");
  CREATE INDEX "translations_update_notes_parent_id_idx" ON "translations_update_notes" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "translations_slug_idx" ON "translations" USING btree ("slug");
  CREATE INDEX "translations_source_idx" ON "translations" USING btree ("source_id");
  CREATE INDEX "translations_created_by_idx" ON "translations" USING btree ("created_by_id");
  CREATE INDEX "translations_updated_by_idx" ON "translations" USING btree ("updated_by_id");
  CREATE INDEX "translations_updated_at_idx" ON "translations" USING btree ("updated_at");
  CREATE INDEX "translations_created_at_idx" ON "translations" USING btree ("created_at");
  CREATE INDEX "translations__status_idx" ON "translations" USING btree ("_status");
  CREATE INDEX "translations_texts_order_parent" ON "translations_texts" USING btree ("order","parent_id");
  CREATE INDEX "translations_rels_order_idx" ON "translations_rels" USING btree ("order");
  CREATE INDEX "translations_rels_parent_idx" ON "translations_rels" USING btree ("parent_id");
  CREATE INDEX "translations_rels_path_idx" ON "translations_rels" USING btree ("path");
  CREATE INDEX "translations_rels_glossary_terms_id_idx" ON "translations_rels" USING btree ("glossary_terms_id");
  CREATE INDEX "_translations_v_version_credits_order_idx" ON "_translations_v_version_credits" USING btree ("_order");
  CREATE INDEX "_translations_v_version_credits_parent_id_idx" ON "_translations_v_version_credits" USING btree ("_parent_id");
  CREATE INDEX "_translations_v_version_bilingual_order_idx" ON "_translations_v_version_bilingual" USING btree ("_order");
  CREATE INDEX "_translations_v_version_bilingual_parent_id_idx" ON "_translations_v_version_bilingual" USING btree ("_parent_id");
  CREATE INDEX "_translations_v_version_editions_order_idx" ON "_translations_v_version_editions" USING btree ("_order");
  CREATE INDEX "_translations_v_version_editions_parent_id_idx" ON "_translations_v_version_editions" USING btree ("_parent_id");
  CREATE INDEX "_translations_v_version_update_notes_order_idx" ON "_translations_v_version_update_notes" USING btree ("_order");
  CREATE INDEX "_translations_v_version_update_notes_parent_id_idx" ON "_translations_v_version_update_notes" USING btree ("_parent_id");
  CREATE INDEX "_translations_v_parent_idx" ON "_translations_v" USING btree ("parent_id");
  CREATE INDEX "_translations_v_version_version_slug_idx" ON "_translations_v" USING btree ("version_slug");
  CREATE INDEX "_translations_v_version_version_source_idx" ON "_translations_v" USING btree ("version_source_id");
  CREATE INDEX "_translations_v_version_version_created_by_idx" ON "_translations_v" USING btree ("version_created_by_id");
  CREATE INDEX "_translations_v_version_version_updated_by_idx" ON "_translations_v" USING btree ("version_updated_by_id");
  CREATE INDEX "_translations_v_version_version_updated_at_idx" ON "_translations_v" USING btree ("version_updated_at");
  CREATE INDEX "_translations_v_version_version_created_at_idx" ON "_translations_v" USING btree ("version_created_at");
  CREATE INDEX "_translations_v_version_version__status_idx" ON "_translations_v" USING btree ("version__status");
  CREATE INDEX "_translations_v_created_at_idx" ON "_translations_v" USING btree ("created_at");
  CREATE INDEX "_translations_v_updated_at_idx" ON "_translations_v" USING btree ("updated_at");
  CREATE INDEX "_translations_v_latest_idx" ON "_translations_v" USING btree ("latest");
  CREATE INDEX "_translations_v_autosave_idx" ON "_translations_v" USING btree ("autosave");
  CREATE INDEX "_translations_v_texts_order_parent" ON "_translations_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_translations_v_rels_order_idx" ON "_translations_v_rels" USING btree ("order");
  CREATE INDEX "_translations_v_rels_parent_idx" ON "_translations_v_rels" USING btree ("parent_id");
  CREATE INDEX "_translations_v_rels_path_idx" ON "_translations_v_rels" USING btree ("path");
  CREATE INDEX "_translations_v_rels_glossary_terms_id_idx" ON "_translations_v_rels" USING btree ("glossary_terms_id");
  ALTER TABLE "issues" ADD CONSTRAINT "issues_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_issues_v" ADD CONSTRAINT "_issues_v_version_publication_id_publications_id_fk" FOREIGN KEY ("version_publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "items" ADD CONSTRAINT "items_translation_id_translations_id_fk" FOREIGN KEY ("translation_id") REFERENCES "public"."translations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_items_v" ADD CONSTRAINT "_items_v_version_translation_id_translations_id_fk" FOREIGN KEY ("version_translation_id") REFERENCES "public"."translations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_publications_fk" FOREIGN KEY ("publications_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_translations_fk" FOREIGN KEY ("translations_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "issues_kind_idx" ON "issues" USING btree ("kind");
  CREATE INDEX "issues_publication_idx" ON "issues" USING btree ("publication_id");
  CREATE INDEX "_issues_v_version_version_kind_idx" ON "_issues_v" USING btree ("version_kind");
  CREATE INDEX "_issues_v_version_version_publication_idx" ON "_issues_v" USING btree ("version_publication_id");
  CREATE INDEX "items_translation_idx" ON "items" USING btree ("translation_id");
  CREATE INDEX "items_import_key_idx" ON "items" USING btree ("import_key");
  CREATE INDEX "_items_v_version_version_translation_idx" ON "_items_v" USING btree ("version_translation_id");
  CREATE INDEX "_items_v_version_version_import_key_idx" ON "_items_v" USING btree ("version_import_key");
  CREATE INDEX "payload_locked_documents_rels_publications_id_idx" ON "payload_locked_documents_rels" USING btree ("publications_id");
  CREATE INDEX "payload_locked_documents_rels_translations_id_idx" ON "payload_locked_documents_rels" USING btree ("translations_id");`)
  // Every existing issue belongs to the weekly report (idempotent; it also runs at start).
  // Its data upgrade runs after every schema migration: src/upgrades.ts (called by the newest migration).
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "issues_entry_groups_entries_photos" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "issues_entry_groups_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "issues_entry_groups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "issues_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_issues_v_version_entry_groups_entries_photos" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_issues_v_version_entry_groups_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_issues_v_version_entry_groups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_issues_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "publications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translations_credits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translations_bilingual" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translations_editions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translations_update_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translations_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translations_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_translations_v_version_credits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_translations_v_version_bilingual" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_translations_v_version_editions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_translations_v_version_update_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_translations_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_translations_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_translations_v_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "issues_entry_groups_entries_photos" CASCADE;
  DROP TABLE "issues_entry_groups_entries" CASCADE;
  DROP TABLE "issues_entry_groups" CASCADE;
  DROP TABLE "issues_rels" CASCADE;
  DROP TABLE "_issues_v_version_entry_groups_entries_photos" CASCADE;
  DROP TABLE "_issues_v_version_entry_groups_entries" CASCADE;
  DROP TABLE "_issues_v_version_entry_groups" CASCADE;
  DROP TABLE "_issues_v_rels" CASCADE;
  DROP TABLE "publications" CASCADE;
  DROP TABLE "translations_credits" CASCADE;
  DROP TABLE "translations_bilingual" CASCADE;
  DROP TABLE "translations_editions" CASCADE;
  DROP TABLE "translations_update_notes" CASCADE;
  DROP TABLE "translations" CASCADE;
  DROP TABLE "translations_texts" CASCADE;
  DROP TABLE "translations_rels" CASCADE;
  DROP TABLE "_translations_v_version_credits" CASCADE;
  DROP TABLE "_translations_v_version_bilingual" CASCADE;
  DROP TABLE "_translations_v_version_editions" CASCADE;
  DROP TABLE "_translations_v_version_update_notes" CASCADE;
  DROP TABLE "_translations_v" CASCADE;
  DROP TABLE "_translations_v_texts" CASCADE;
  DROP TABLE "_translations_v_rels" CASCADE;
  ALTER TABLE "issues" DROP CONSTRAINT "issues_publication_id_publications_id_fk";
  
  ALTER TABLE "_issues_v" DROP CONSTRAINT "_issues_v_version_publication_id_publications_id_fk";
  
  ALTER TABLE "items" DROP CONSTRAINT "items_translation_id_translations_id_fk";
  
  ALTER TABLE "_items_v" DROP CONSTRAINT "_items_v_version_translation_id_translations_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_publications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_translations_fk";
  
  DROP INDEX "issues_kind_idx";
  DROP INDEX "issues_publication_idx";
  DROP INDEX "_issues_v_version_version_kind_idx";
  DROP INDEX "_issues_v_version_version_publication_idx";
  DROP INDEX "items_translation_idx";
  DROP INDEX "items_import_key_idx";
  DROP INDEX "_items_v_version_version_translation_idx";
  DROP INDEX "_items_v_version_version_import_key_idx";
  DROP INDEX "payload_locked_documents_rels_publications_id_idx";
  DROP INDEX "payload_locked_documents_rels_translations_id_idx";
  ALTER TABLE "issues" DROP COLUMN "kind";
  ALTER TABLE "issues" DROP COLUMN "subtitle";
  ALTER TABLE "issues" DROP COLUMN "publisher_line";
  ALTER TABLE "issues" DROP COLUMN "publication_id";
  ALTER TABLE "_issues_v" DROP COLUMN "version_kind";
  ALTER TABLE "_issues_v" DROP COLUMN "version_subtitle";
  ALTER TABLE "_issues_v" DROP COLUMN "version_publisher_line";
  ALTER TABLE "_issues_v" DROP COLUMN "version_publication_id";
  ALTER TABLE "items" DROP COLUMN "date_end";
  ALTER TABLE "items" DROP COLUMN "translation_id";
  ALTER TABLE "items" DROP COLUMN "import_key";
  ALTER TABLE "items" DROP COLUMN "is_excerpt";
  ALTER TABLE "_items_v" DROP COLUMN "version_date_end";
  ALTER TABLE "_items_v" DROP COLUMN "version_translation_id";
  ALTER TABLE "_items_v" DROP COLUMN "version_import_key";
  ALTER TABLE "_items_v" DROP COLUMN "version_is_excerpt";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "publications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "translations_id";
  DROP TYPE "public"."enum_issues_kind";
  DROP TYPE "public"."enum__issues_v_version_kind";
  DROP TYPE "public"."enum_publications_kind";
  DROP TYPE "public"."enum_translations_credits_role";
  DROP TYPE "public"."enum_translations_status";
  DROP TYPE "public"."enum__translations_v_version_credits_role";
  DROP TYPE "public"."enum__translations_v_version_status";`)
}
