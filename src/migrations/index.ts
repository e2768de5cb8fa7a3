import * as migration_20261122_150753_initial from './20261122_150753_initial'
import * as migration_20261130_202806_login_rate_limits_replace_lockout from './20261130_202806_login_rate_limits_replace_lockout'
import * as migration_20261130_203209_public_flags from './20261130_203209_public_flags'
import * as migration_20261130_203509_updated_by from './20261130_203509_updated_by'
import * as migration_20261201_005718_change_feed_jobs_rate_limits from './20261201_005718_change_feed_jobs_rate_limits'
import * as migration_20261201_010000_search_index from './20261201_010000_search_index'
import * as migration_20261201_043918_publications_translations_special_import from './20261201_043918_publications_translations_special_import'
import * as migration_20261201_100724_workflow_newsletters_analytics_composer_profiles from './20261201_100724_workflow_newsletters_analytics_composer_profiles'
import * as migration_20261201_124425_scheduled_sends_translation_sends_kinds from './20261201_124425_scheduled_sends_translation_sends_kinds'
import * as migration_20261201_142812_rename_photo_tables from './20261201_142812_rename_photo_tables'
import * as migration_20261201_152521_search_log_schedule_lease from './20261201_152521_search_log_schedule_lease'

export const migrations = [
  {
    up: migration_20261122_150753_initial.up,
    down: migration_20261122_150753_initial.down,
    name: '20261122_150753_initial',
  },
  {
    up: migration_20261130_202806_login_rate_limits_replace_lockout.up,
    down: migration_20261130_202806_login_rate_limits_replace_lockout.down,
    name: '20261130_202806_login_rate_limits_replace_lockout',
  },
  {
    up: migration_20261130_203209_public_flags.up,
    down: migration_20261130_203209_public_flags.down,
    name: '20261130_203209_public_flags',
  },
  {
    up: migration_20261130_203509_updated_by.up,
    down: migration_20261130_203509_updated_by.down,
    name: '20261130_203509_updated_by',
  },
  {
    up: migration_20261201_005718_change_feed_jobs_rate_limits.up,
    down: migration_20261201_005718_change_feed_jobs_rate_limits.down,
    name: '20261201_005718_change_feed_jobs_rate_limits',
  },
  {
    up: migration_20261201_010000_search_index.up,
    down: migration_20261201_010000_search_index.down,
    name: '20261201_010000_search_index',
  },
  {
    up: migration_20261201_043918_publications_translations_special_import.up,
    down: migration_20261201_043918_publications_translations_special_import.down,
    name: '20261201_043918_publications_translations_special_import',
  },
  {
    up: migration_20261201_100724_workflow_newsletters_analytics_composer_profiles.up,
    down: migration_20261201_100724_workflow_newsletters_analytics_composer_profiles.down,
    name: '20261201_100724_workflow_newsletters_analytics_composer_profiles',
  },
  {
    up: migration_20261201_124425_scheduled_sends_translation_sends_kinds.up,
    down: migration_20261201_124425_scheduled_sends_translation_sends_kinds.down,
    name: '20261201_124425_scheduled_sends_translation_sends_kinds',
  },
  {
    up: migration_20261201_142812_rename_photo_tables.up,
    down: migration_20261201_142812_rename_photo_tables.down,
    name: '20261201_142812_rename_photo_tables',
  },
  {
    up: migration_20261201_152521_search_log_schedule_lease.up,
    down: migration_20261201_152521_search_log_schedule_lease.down,
    name: '20261201_152521_search_log_schedule_lease',
  },
]
