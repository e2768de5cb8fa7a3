/** Generated weekly reports for the import benchmark: the sample's shape with varied content. */

const FULL = [
  [
    'Xi Jinping: Develop New Quality Productive Forces According to Local Conditions',
    'Xi Jinping said that high-quality development remains the “top priority” (首要任务) and that each locality should build new industries from its own resources.',
  ],
  [
    'Xi Jinping: Build Broad Consensus for Chinese Modernization',
    'Xi Jinping urged political advisors to build consensus for “Chinese modernization” (中国式现代化). Wang Huning (王沪宁) and Cai Qi (蔡奇) joined the discussion.',
  ],
  [
    'People’s Daily Commentator Article: Grasp the Key Phrase of the Sessions People’s Daily',
    'A People’s Daily commentator article said that “new quality productive forces” (新质生产力) are driven by innovation, “according to local conditions” (因地制宜).',
  ],
  [
    'Qiushi Publishes Xi’s Speech on Common Prosperity',
    'Qiushi published a speech by Xi Jinping on “common prosperity” (共同富裕) as the prosperity of all the people.',
  ],
  [
    'Li Qiang Chairs a State Council Executive Meeting Xinhua',
    'Li Qiang (李强) chaired a meeting on stabilizing employment and the “platform economy” (平台经济).',
  ],
]
const BRIEF = [
  'CCP International Department (CCP/ID) Head Liu Jianchao (刘建超) met a delegation of the Communist Party of Vietnam.',
  'CCP/ID Deputy Head Sun Haiyan (孙海燕) held a video call with leaders of a Latin American party.',
  'The Central Organization Department issued rules on cadre evaluation.',
  'The CCDI announced an investigation into a deputy governor under “strict Party self-governance” (全面从严治党).',
]

const DAY = 86_400_000
const label = (d: Date) => `${d.getUTCMonth() + 1}.${d.getUTCDate()}`
const short = (d: Date) => `${label(d)}.${String(d.getUTCFullYear() % 100).padStart(2, '0')}`

export type GeneratedReport = { name: string; text: string; items: number; periodStart: string; periodEnd: string }

/** Report i: volume 10 + i/52, number i%52+1, the week i after 2020-01-04, 5–9 items. */
export function generateReport(i: number): GeneratedReport {
  const start = new Date(Date.UTC(2020, 0, 4, 12) + i * 7 * DAY)
  const end = new Date(start.getTime() + 6 * DAY)
  const day = (k: number) => label(new Date(start.getTime() + ((i + k) % 7) * DAY))
  const volume = 10 + Math.floor(i / 52)
  const number = (i % 52) + 1
  const full = 2 + (i % 3)
  const brief = 2 + (i % 2)
  const extra = i % 4 === 0 ? 1 : 0
  const lines = [`Weekly Report ${volume}|${number} ${short(start)}-${short(end)}`, '', '']
  lines.push(
    `Xi Jinping spoke on “new quality productive forces” (新质生产力) in week ${i}. (See Senior Leaders section)`,
    '',
  )
  lines.push('A commentary explained the key phrase of the week. (See Propaganda Work section)', '', '')
  lines.push('Senior Leaders', '')
  for (let k = 0; k < full; k++) {
    const [headline, text] = FULL[(i + k) % FULL.length]
    lines.push(
      `${headline} (${i}.${k})`.replace(/ (People’s Daily|Xinhua) \((\d+\.\d+)\)$/, ' ($2) $1'),
      '',
      `${day(k)} ${text}`,
      '',
    )
    if (k === 0)
      lines.push(
        '  1. “Build a Modernized Industrial System”: grow clusters of strategic emerging industries.',
        '',
        '  2. “Deepen Reform”: improve social credit (社会信用) institutions.',
        '',
      )
  }
  lines.push(
    '',
    'Propaganda Work',
    '',
    `People’s Daily Commentator Article: Week ${i} People’s Daily`,
    '',
    `${day(3)} ${FULL[2][1]}`,
    '',
    '',
  )
  lines.push('International Liaison Work', '')
  for (let k = 0; k < brief; k++) lines.push(`${day(k + 4)} ${BRIEF[(i + k) % BRIEF.length]}`, '')
  if (extra) lines.push('', 'Organization Work', '', `${day(6)} ${BRIEF[2]}`, '')
  return {
    name: `weekly-report-${volume}-${number}.txt`,
    text: lines.join('\n'),
    items: full + 1 + brief + extra,
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
  }
}
