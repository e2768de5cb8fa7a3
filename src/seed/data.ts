import type { Block } from '../lib/richtext'

/** Demo content built like ../shared/samples/weekly-report-3-9.txt. */

export const seedSections = [
  { name: 'Senior Leaders', slug: 'senior-leaders', position: 10, style: 'full' },
  { name: 'Propaganda Work', slug: 'propaganda-work', position: 20, style: 'full' },
  { name: 'Party Discipline', slug: 'party-discipline', position: 30, style: 'full' },
  { name: 'Comprehensively Deepening Reform', slug: 'comprehensively-deepening-reform', position: 40, style: 'full' },
  { name: 'International Liaison Work', slug: 'international-liaison-work', position: 50, style: 'brief' },
  { name: 'Organization Work', slug: 'organization-work', position: 60, style: 'brief' },
] as const

export const seedSources = [
  {
    name: "People's Daily",
    slug: 'peoples-daily',
    originalName: '人民日报',
    kind: 'newspaper',
    homepage: 'http://www.people.com.cn',
  },
  { name: 'Qiushi', slug: 'qiushi', originalName: '求是', kind: 'journal', homepage: 'http://www.qstheory.cn' },
  { name: 'Xinhua', slug: 'xinhua', originalName: '新华社', kind: 'agency', homepage: 'http://www.news.cn' },
  {
    name: 'Guangming Daily',
    slug: 'guangming-daily',
    originalName: '光明日报',
    kind: 'newspaper',
    homepage: 'https://www.gmw.cn',
  },
] as const

export const seedTerms = [
  {
    english: 'new quality productive forces',
    original: '新质生产力',
    pinyin: 'xīnzhì shēngchǎnlì',
    kind: 'term',
    definition:
      'Growth driven by technological innovation rather than by resource input; the key phrase of the 2024 sessions.',
    status: 'reviewed',
  },
  {
    english: 'Chinese modernization',
    original: '中国式现代化',
    pinyin: 'Zhōngguóshì xiàndàihuà',
    kind: 'term',
    definition: 'The Party’s name for its own path of development, set out at the 20th Party Congress.',
    status: 'reviewed',
  },
  {
    english: 'dynamic zero',
    original: '动态清零',
    pinyin: 'dòngtài qīnglíng',
    kind: 'term',
    definition: 'The COVID-19 policy of stamping out every outbreak as it appears.',
    status: 'reviewed',
    aliases: ['dynamic clearing'],
  },
  {
    english: 'according to local conditions',
    original: '因地制宜',
    pinyin: 'yīndìzhìyí',
    kind: 'term',
    definition: 'Adapting policy to each locality rather than copying one model.',
    status: 'reviewed',
  },
  {
    english: 'top priority',
    original: '首要任务',
    pinyin: 'shǒuyào rènwu',
    kind: 'term',
    definition: 'Used of high-quality development since the 20th Party Congress.',
    status: 'unreviewed',
  },
  {
    english: 'Wang Huning',
    original: '王沪宁',
    pinyin: 'Wáng Hùníng',
    kind: 'person',
    definition: 'Chairman of the CPPCC National Committee.',
    status: 'reviewed',
  },
  {
    english: 'Cai Qi',
    original: '蔡奇',
    pinyin: 'Cài Qí',
    kind: 'person',
    definition: 'Member of the Politburo Standing Committee.',
    status: 'reviewed',
  },
  {
    english: 'Liu Jianchao',
    original: '刘建超',
    pinyin: 'Liú Jiànchāo',
    kind: 'person',
    definition: 'Head of the CCP International Department.',
    status: 'reviewed',
  },
  {
    english: 'Sun Haiyan',
    original: '孙海燕',
    pinyin: 'Sūn Hǎiyàn',
    kind: 'person',
    definition: 'Deputy Head of the CCP International Department.',
    status: 'unreviewed',
  },
] as const

export type SeedItem = {
  section: string
  date: string
  headline?: string
  source?: string
  body: Block[]
  terms?: string[]
  excerpt?: string
}

export type SeedIssue = {
  volume: number
  number: number
  periodStart: string
  periodEnd: string
  status: 'published' | 'draft'
  highlights: Array<{ text: string; section: string }>
  sections: string[]
  items: SeedItem[]
}

const allSections = seedSections.map((s) => s.slug)

export const seedIssues: SeedIssue[] = [
  {
    volume: 3,
    number: 9,
    periodStart: '2024-03-02',
    periodEnd: '2024-03-08',
    status: 'published',
    sections: ['senior-leaders', 'propaganda-work', 'international-liaison-work', 'organization-work'],
    highlights: [
      {
        text: 'Xi Jinping joined the Jiangsu delegation at the National People’s Congress and called for developing “new quality productive forces” (新质生产力) according to local conditions.',
        section: 'senior-leaders',
      },
      {
        text: 'Xi told political advisors from the science, technology and environment sectors to build consensus for “Chinese modernization” (中国式现代化).',
        section: 'senior-leaders',
      },
      {
        text: 'A People’s Daily commentator article explained why “new quality productive forces” had become the key phrase of this year’s sessions.',
        section: 'propaganda-work',
      },
    ],
    items: [
      {
        section: 'senior-leaders',
        date: '2024-03-05',
        headline: 'Xi Jinping: Develop New Quality Productive Forces According to Local Conditions',
        source: 'xinhua',
        terms: ['新质生产力', '首要任务', '因地制宜'],
        body: [
          'Taking part in a deliberation with lawmakers from Jiangsu Province during the second session of the 14th National People’s Congress, Xi Jinping said that high-quality development remains the “top priority” (首要任务) and that each locality should build new industries from its own resources, industrial base and research strength rather than rush into the same projects.',
          {
            list: 'number',
            items: [
              '“Build a Modernized Industrial System”: make advanced manufacturing the backbone and grow clusters of strategic emerging industries.',
              '“Deepen Reform”: improve property rights protection, market access, fair competition and social credit (社会信用) institutions.',
              '“Serve the National Strategy”: integrate into the Yangtze River Economic Belt (长江经济带) and the Yangtze River Delta.',
            ],
          },
        ],
        excerpt: '要牢牢把握高质量发展这个首要任务，因地制宜发展新质生产力。',
      },
      {
        section: 'senior-leaders',
        date: '2024-03-06',
        headline: 'Xi Jinping: Build Broad Consensus for Chinese Modernization',
        source: 'xinhua',
        terms: ['中国式现代化', '王沪宁', '蔡奇'],
        body: [
          'At a joint group meeting of CPPCC members, Xi Jinping urged political advisors to offer suggestions on the tasks set by the 20th Party Congress and to build consensus for “Chinese modernization” (中国式现代化).',
          'Wang Huning (王沪宁) and Cai Qi (蔡奇) joined the discussion.',
        ],
      },
      {
        section: 'propaganda-work',
        date: '2024-03-07',
        headline: 'People’s Daily Commentator Article: Grasp the Key Phrase of the Sessions',
        source: 'peoples-daily',
        terms: ['新质生产力', '因地制宜'],
        body: [
          'A People’s Daily commentator article said that “new quality productive forces” (新质生产力) are driven by innovation, and that developing them “according to local conditions” (因地制宜) means that no region should copy another’s model.',
        ],
      },
      {
        section: 'international-liaison-work',
        date: '2024-03-04',
        terms: ['刘建超'],
        body: [
          'CCP International Department (CCP/ID) Head Liu Jianchao (刘建超) met a delegation of the Communist Party of Vietnam.',
        ],
      },
      {
        section: 'international-liaison-work',
        date: '2024-03-06',
        terms: ['孙海燕'],
        body: ['CCP/ID Deputy Head Sun Haiyan (孙海燕) held a video call with leaders of a Latin American party.'],
      },
      {
        section: 'organization-work',
        date: '2024-03-08',
        body: [
          'The second session of the 14th National People’s Congress approved the work report of the NPC Standing Committee.',
        ],
      },
    ],
  },
  {
    volume: 3,
    number: 10,
    periodStart: '2024-03-09',
    periodEnd: '2024-03-15',
    status: 'draft',
    sections: allSections,
    highlights: [],
    items: [
      {
        section: 'senior-leaders',
        date: '2024-03-11',
        headline: 'Li Qiang Closes the Sessions With a Press Conference',
        source: 'xinhua',
        body: [
          'Draft summary: premier’s remarks on the economy and “dynamic zero” (动态清零) no longer in the work report.',
        ],
        terms: ['动态清零'],
      },
      { section: 'propaganda-work', date: '2024-03-12', headline: '', body: [] },
      {
        section: 'organization-work',
        date: '2024-03-13',
        // A second English rendering of 动态清零: the glossary's Consistency view lists it.
        body: ['Jilin Province officials recalled the years of “dynamic clearing” (动态清零) at a cadre meeting.'],
        terms: ['动态清零'],
      },
    ],
  },
]
