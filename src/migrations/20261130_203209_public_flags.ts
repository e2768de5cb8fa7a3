import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`sections\` ADD \`public\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`sections_public_idx\` ON \`sections\` (\`public\`);`)
  await db.run(sql`ALTER TABLE \`glossary_terms\` ADD \`public\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`glossary_terms_public_idx\` ON \`glossary_terms\` (\`public\`);`)
  // Existing content: what published items of published issues (and their highlights) use is public,
  // and so is every reviewed term.
  await db.run(sql`UPDATE \`sections\` SET \`public\` = 1 WHERE \`id\` IN (
    SELECT i.\`section_id\` FROM \`items\` i JOIN \`issues\` s ON s.\`id\` = i.\`issue_id\`
    WHERE i.\`_status\` = 'published' AND s.\`_status\` = 'published'
    UNION SELECT h.\`section_id\` FROM \`issues_highlights\` h JOIN \`issues\` s ON s.\`id\` = h.\`_parent_id\`
    WHERE s.\`_status\` = 'published');`)
  await db.run(sql`UPDATE \`glossary_terms\` SET \`public\` = 1 WHERE \`status\` = 'reviewed' OR \`id\` IN (
    SELECT r.\`glossary_terms_id\` FROM \`items_rels\` r JOIN \`items\` i ON i.\`id\` = r.\`parent_id\`
    JOIN \`issues\` s ON s.\`id\` = i.\`issue_id\`
    WHERE r.\`path\` = 'terms' AND i.\`_status\` = 'published' AND s.\`_status\` = 'published');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`sections_public_idx\`;`)
  await db.run(sql`ALTER TABLE \`sections\` DROP COLUMN \`public\`;`)
  await db.run(sql`DROP INDEX \`glossary_terms_public_idx\`;`)
  await db.run(sql`ALTER TABLE \`glossary_terms\` DROP COLUMN \`public\`;`)
}
