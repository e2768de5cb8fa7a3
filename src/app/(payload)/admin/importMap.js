import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { GlossaryTermLabel as GlossaryTermLabel_be97d81b2e6b0c97f920cbdf5f82bf2e } from '../../../glossary/admin/GlossaryTermLabel'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IssueNewsletterPanel as IssueNewsletterPanel_28b4239cc84802308d8d25c78a54ffb9 } from '../../../newsletter/admin/IssueNewsletterPanel'
import { ScheduleSendField as ScheduleSendField_bf24fb17ffe5f8aa3cb321f526df7ae3 } from '../../../newsletter/admin/ScheduleSendPanel'
import { PreflightField as PreflightField_665b30c2c4353f39d9422a740d7cf6d5 } from '../../../preflight/admin/PreflightPanel'
import { OpenComposer as OpenComposer_f6795b309ab5219280ca4ea664c6737e } from '../../../composer/admin/OpenComposer'
import { ComposerView as ComposerView_69a25c09997f06345d227f6424f83b52 } from '../../../composer/admin/ComposerView'
import { ReuseButton as ReuseButton_f73fd77896828a04ffb9b990bf4e106c } from '../../../reuse/admin/ReuseButton'
import { RelatedPanel as RelatedPanel_64b15a892ea67c6ed344b18a5dd1dc6a } from '../../../reuse/admin/RelatedPanel'
import { TermSuggestions as TermSuggestions_733b349a712360db62554c4ba87e2bf1 } from '../../../glossary/admin/TermSuggestions'
import { ReviewThreadField as ReviewThreadField_21f122467e0a2790246eb62a00391e4f } from '../../../workflow/admin/ReviewThreadField'
import { CompareView as CompareView_6b69679b0dba581ed3b20ae1d71bbfcc } from '../../../translations/admin/CompareView'
import { SubscribersTools as SubscribersTools_31359ac3e064deb03f95b58fd0d7c387 } from '../../../newsletter/admin/SubscribersTools'
import { SendReportPanel as SendReportPanel_ce4878cd4555de5bb084ffc164c5237d } from '../../../analytics/admin/SendReportPanel'
import { DkimRecord as DkimRecord_b63173bfa6ecc2ec40befad27ee102df } from '../../../newsletter/admin/DkimRecord'
import { ImportNavLink as ImportNavLink_c7abb5e0756449bdf0891e15c56b7092 } from '../../../importer/admin/ImportNavLink'
import { NavLinks as NavLinks_37830ad534b282d9d66bc50415356f6f } from '../../../search/admin/NavLinks'
import { DraftIssuePanel as DraftIssuePanel_0715c5a41c8d9c08e20c622325c6c7fb } from '../../../admin/DraftIssuePanel'
import { MyItemsLink as MyItemsLink_56e9997ca6aafa622e1821bea3b04c2e } from '../../../workflow/admin/MyItemsLink'
import { ImportView as ImportView_9bd3772695d0687ef60b3efb09aa2ef3 } from '../../../importer/admin/ImportView'
import { SearchView as SearchView_e7975109f5b2fe2ebed91ffbdffe0cea } from '../../../search/admin/SearchView'
import { ConsistencyView as ConsistencyView_6d2fa54394b463511839629ffc942123 } from '../../../glossary/admin/ConsistencyView'
import { MyItemsView as MyItemsView_17b255a3ff45c20b02d24e951f6712ce } from '../../../workflow/admin/MyItemsView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/glossary/admin/GlossaryTermLabel#GlossaryTermLabel": GlossaryTermLabel_be97d81b2e6b0c97f920cbdf5f82bf2e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/newsletter/admin/IssueNewsletterPanel#IssueNewsletterPanel": IssueNewsletterPanel_28b4239cc84802308d8d25c78a54ffb9,
  "/newsletter/admin/ScheduleSendPanel#ScheduleSendField": ScheduleSendField_bf24fb17ffe5f8aa3cb321f526df7ae3,
  "/preflight/admin/PreflightPanel#PreflightField": PreflightField_665b30c2c4353f39d9422a740d7cf6d5,
  "/composer/admin/OpenComposer#OpenComposer": OpenComposer_f6795b309ab5219280ca4ea664c6737e,
  "/composer/admin/ComposerView#ComposerView": ComposerView_69a25c09997f06345d227f6424f83b52,
  "/reuse/admin/ReuseButton#ReuseButton": ReuseButton_f73fd77896828a04ffb9b990bf4e106c,
  "/reuse/admin/RelatedPanel#RelatedPanel": RelatedPanel_64b15a892ea67c6ed344b18a5dd1dc6a,
  "/glossary/admin/TermSuggestions#TermSuggestions": TermSuggestions_733b349a712360db62554c4ba87e2bf1,
  "/workflow/admin/ReviewThreadField#ReviewThreadField": ReviewThreadField_21f122467e0a2790246eb62a00391e4f,
  "/translations/admin/CompareView#CompareView": CompareView_6b69679b0dba581ed3b20ae1d71bbfcc,
  "/newsletter/admin/SubscribersTools#SubscribersTools": SubscribersTools_31359ac3e064deb03f95b58fd0d7c387,
  "/analytics/admin/SendReportPanel#SendReportPanel": SendReportPanel_ce4878cd4555de5bb084ffc164c5237d,
  "/newsletter/admin/DkimRecord#DkimRecord": DkimRecord_b63173bfa6ecc2ec40befad27ee102df,
  "/importer/admin/ImportNavLink#ImportNavLink": ImportNavLink_c7abb5e0756449bdf0891e15c56b7092,
  "/search/admin/NavLinks#NavLinks": NavLinks_37830ad534b282d9d66bc50415356f6f,
  "/admin/DraftIssuePanel#DraftIssuePanel": DraftIssuePanel_0715c5a41c8d9c08e20c622325c6c7fb,
  "/workflow/admin/MyItemsLink#MyItemsLink": MyItemsLink_56e9997ca6aafa622e1821bea3b04c2e,
  "/importer/admin/ImportView#ImportView": ImportView_9bd3772695d0687ef60b3efb09aa2ef3,
  "/search/admin/SearchView#SearchView": SearchView_e7975109f5b2fe2ebed91ffbdffe0cea,
  "/glossary/admin/ConsistencyView#ConsistencyView": ConsistencyView_6d2fa54394b463511839629ffc942123,
  "/workflow/admin/MyItemsView#MyItemsView": MyItemsView_17b255a3ff45c20b02d24e951f6712ce,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
