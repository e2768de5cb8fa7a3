import JSZip from 'jszip'

/** Exports shaped like the real ones (WordPress WXR 1.2, Substack's zip, Ghost's JSON), written for the tests. */

export type TestPost = {
  id: number
  slug: string
  title: string
  html: string
  date: string
  author: string
  categories: string[]
  tags: string[]
  status?: 'publish' | 'draft'
}

export const POSTS: TestPost[] = [
  {
    id: 101,
    slug: 'rural-revitalisation-plan',
    title: 'Rural Revitalisation Plan Announced',
    html: '<p>The State Council issued a plan on “rural revitalisation” (乡村振兴) for the next five years.</p>\n<p>It names three priorities.</p>',
    date: '2024-03-05 09:30:00',
    author: 'Ann Editor',
    categories: ['Policy'],
    tags: ['agriculture', 'State Council'],
  },
  {
    id: 102,
    slug: 'party-school-lecture',
    title: 'A Party School Lecture on Discipline',
    html: '<h2>Background</h2><p>A lecture at the Central Party School discussed discipline.</p><ul><li>first point</li><li>second point</li></ul>',
    date: '2024-03-07 18:00:00',
    author: 'Bo Writer',
    categories: ['Discipline'],
    tags: [],
    status: 'draft',
  },
]

const cdata = (s: string) => `<![CDATA[${s}]]>`

/** A WordPress eXtended RSS 1.2 export: channel, authors, posts (and an attachment that is not a post). */
export function wxr(posts: TestPost[] = POSTS): string {
  const authors = [...new Set(posts.map((p) => p.author))]
  const login = (name: string) => name.toLowerCase().replace(/\W+/g, '')
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Example Briefing Blog</title>
  <link>https://blog.example.com</link>
  <description>Test blog</description>
  <pubDate>Fri, 08 Mar 2024 10:00:00 +0000</pubDate>
  <language>en-US</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>https://blog.example.com</wp:base_site_url>
  <wp:base_blog_url>https://blog.example.com</wp:base_blog_url>
${authors
  .map(
    (a, i) =>
      `  <wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(login(a))}</wp:author_login><wp:author_email>${cdata(`${login(a)}@example.com`)}</wp:author_email><wp:author_display_name>${cdata(a)}</wp:author_display_name></wp:author>`,
  )
  .join('\n')}
  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>${cdata('policy')}</wp:category_nicename><wp:category_parent>${cdata('')}</wp:category_parent><wp:cat_name>${cdata('Policy')}</wp:cat_name></wp:category>
  <generator>https://wordpress.org/?v=6.4.3</generator>
${posts
  .map(
    (p) => `  <item>
    <title>${cdata(p.title)}</title>
    <link>https://blog.example.com/${p.date.slice(0, 4)}/${p.slug}/</link>
    <pubDate>${new Date(p.date.replace(' ', 'T') + 'Z').toUTCString()}</pubDate>
    <dc:creator>${cdata(login(p.author))}</dc:creator>
    <guid isPermaLink="false">https://blog.example.com/?p=${p.id}</guid>
    <description></description>
    <content:encoded>${cdata(p.html)}</content:encoded>
    <excerpt:encoded>${cdata('')}</excerpt:encoded>
    <wp:post_id>${p.id}</wp:post_id>
    <wp:post_date>${cdata(p.date)}</wp:post_date>
    <wp:post_date_gmt>${cdata(p.date)}</wp:post_date_gmt>
    <wp:post_modified>${cdata(p.date)}</wp:post_modified>
    <wp:comment_status>${cdata('open')}</wp:comment_status>
    <wp:post_name>${cdata(p.slug)}</wp:post_name>
    <wp:status>${cdata(p.status ?? 'publish')}</wp:status>
    <wp:post_parent>0</wp:post_parent>
    <wp:menu_order>0</wp:menu_order>
    <wp:post_type>${cdata('post')}</wp:post_type>
    <wp:post_password>${cdata('')}</wp:post_password>
    <wp:is_sticky>0</wp:is_sticky>
${p.categories.map((c) => `    <category domain="category" nicename="${c.toLowerCase()}">${cdata(c)}</category>`).join('\n')}
${p.tags.map((t) => `    <category domain="post_tag" nicename="${t.toLowerCase().replace(/\W+/g, '-')}">${cdata(t)}</category>`).join('\n')}
    <wp:postmeta><wp:meta_key>${cdata('_edit_last')}</wp:meta_key><wp:meta_value>${cdata('1')}</wp:meta_value></wp:postmeta>
  </item>`,
  )
  .join('\n')}
  <item>
    <title>${cdata('photo')}</title>
    <link>https://blog.example.com/photo/</link>
    <guid isPermaLink="false">https://blog.example.com/wp-content/uploads/photo.jpg</guid>
    <wp:post_id>900</wp:post_id>
    <wp:post_type>${cdata('attachment')}</wp:post_type>
    <wp:status>${cdata('inherit')}</wp:status>
    <wp:attachment_url>${cdata('https://blog.example.com/wp-content/uploads/photo.jpg')}</wp:attachment_url>
  </item>
</channel>
</rss>
`
}

export type TestSubscriber = { email: string; disabled?: boolean; plan?: string }

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n'

/** Substack's export: posts.csv, posts/<id>.<slug>.html, and the subscriber list email_list.<pub>.csv. */
export async function substackZip(posts: TestPost[] = POSTS, subscribers: TestSubscriber[] = []): Promise<Buffer> {
  const zip = new JSZip()
  const header = [
    'post_id',
    'post_date',
    'is_published',
    'email_sent_at',
    'inbox_sent_at',
    'type',
    'audience',
    'title',
    'subtitle',
    'podcast_url',
  ]
  const rows = posts.map((p) => {
    const when = new Date(p.date.replace(' ', 'T') + 'Z').toISOString()
    const published = (p.status ?? 'publish') === 'publish'
    return [
      `${p.id}.${p.slug}`,
      when,
      String(published),
      published ? when : '',
      published ? when : '',
      'newsletter',
      'everyone',
      p.title,
      `By ${p.author}`,
      '',
    ]
  })
  zip.file('posts.csv', csv([header, ...rows]))
  for (const p of posts) zip.file(`posts/${p.id}.${p.slug}.html`, p.html)
  zip.file(
    'email_list.examplebriefing.csv',
    csv([
      ['email', 'active_subscription', 'expiry', 'plan', 'email_disabled', 'created_at', 'first_payment_at'],
      ...subscribers.map((s) => [
        s.email,
        String(s.plan === 'paid'),
        '',
        s.plan ?? 'free',
        String(Boolean(s.disabled)),
        '2024-01-02T10:00:00.000Z',
        '',
      ]),
    ]),
  )
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

export type TestMember = { email: string; name?: string; subscribed?: boolean; status?: string }

/** Ghost's JSON export: db[0].meta and db[0].data with posts, tags, users, posts_tags, posts_authors, members. */
export function ghostJson(posts: TestPost[] = POSTS, members: TestMember[] = []): string {
  const id = (n: number | string) => `65f0000000000000000${n}`.slice(-24)
  const authors = [...new Set(posts.map((p) => p.author))]
  const tags = [...new Set(posts.flatMap((p) => [...p.categories, ...p.tags]))]
  return JSON.stringify({
    db: [
      {
        meta: { exported_on: 1709892000000, version: '5.80.0' },
        data: {
          posts: posts.map((p) => ({
            id: id(p.id),
            uuid: `1b2c3d4e-0000-4000-8000-000000000${p.id}`,
            title: p.title,
            slug: p.slug,
            mobiledoc: null,
            lexical: '{"root":{}}',
            html: p.html,
            plaintext: p.html.replace(/<[^>]+>/g, ''),
            feature_image: null,
            featured: 0,
            type: 'post',
            status: (p.status ?? 'publish') === 'publish' ? 'published' : 'draft',
            visibility: 'public',
            created_at: p.date.replace(' ', 'T') + '.000Z',
            updated_at: p.date.replace(' ', 'T') + '.000Z',
            published_at: (p.status ?? 'publish') === 'publish' ? p.date.replace(' ', 'T') + '.000Z' : null,
            custom_excerpt: null,
            canonical_url: null,
          })),
          tags: tags.map((name, i) => ({ id: id(`7${i}`), name, slug: name.toLowerCase().replace(/\W+/g, '-') })),
          users: authors.map((name, i) => ({
            id: id(`8${i}`),
            name,
            slug: name.toLowerCase().replace(/\W+/g, '-'),
            email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
          })),
          posts_tags: posts.flatMap((p) =>
            [...p.categories, ...p.tags].map((name, i) => ({
              id: id(`9${p.id}${i}`),
              post_id: id(p.id),
              tag_id: id(`7${tags.indexOf(name)}`),
              sort_order: i,
            })),
          ),
          posts_authors: posts.map((p) => ({
            id: id(`6${p.id}`),
            post_id: id(p.id),
            author_id: id(`8${authors.indexOf(p.author)}`),
            sort_order: 0,
          })),
          members: members.map((m, i) => ({
            id: id(`5${i}`),
            uuid: `2b2c3d4e-0000-4000-8000-00000000000${i}`,
            email: m.email,
            name: m.name ?? null,
            status: m.status ?? 'free',
            ...(m.subscribed === undefined ? {} : { subscribed: m.subscribed }),
            created_at: '2024-01-02T10:00:00.000Z',
          })),
        },
      },
    ],
  })
}
