import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'

let t: TestPayload
let jpeg: Buffer

beforeAll(async () => {
  t = await bootPayload('media')
  jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#8a1c1c' } })
    .jpeg()
    .toBuffer()
})
afterAll(async () => {
  await t?.close()
})

const file = (name: string) => ({ data: jpeg, mimetype: 'image/jpeg', name, size: jpeg.length })

describe('media', () => {
  it('stores uploads in MEDIA_DIR with alt, caption, credit and resized copies made by sharp', async () => {
    const doc = await t.payload.create({
      collection: 'media',
      data: { alt: 'Xi Jinping at the Jiangsu delegation', caption: 'Beijing, March 5', credit: 'XINHUA' },
      file: file('jiangsu.jpg'),
    })
    expect(doc.credit).toBe('XINHUA')
    expect(doc.width).toBe(1600)
    const dir = process.env.MEDIA_DIR as string
    expect(fs.existsSync(path.join(dir, doc.filename as string))).toBe(true)
    for (const [size, width] of [
      ['thumbnail', 400],
      ['card', 768],
      ['feature', 1280],
    ] as const) {
      const variant = doc.sizes?.[size]
      expect(variant?.width).toBe(width)
      const meta = await sharp(path.join(dir, variant?.filename as string)).metadata()
      expect(meta.width).toBe(width)
    }
  })

  it('refuses an upload without alt text and stores nothing', async () => {
    const before = fs.readdirSync(process.env.MEDIA_DIR as string).length
    await expect(
      t.payload.create({ collection: 'media', data: { caption: 'No alt' } as never, file: file('noalt.jpg') }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'alt' }] },
    })
    expect(fs.readdirSync(process.env.MEDIA_DIR as string).length).toBe(before)
    expect((await t.payload.count({ collection: 'media' })).totalDocs).toBe(1)
  })

  it('refuses files that are not images', async () => {
    await expect(
      t.payload.create({
        collection: 'media',
        data: { alt: 'A script' },
        file: { data: Buffer.from('<script>alert(1)</script>'), mimetype: 'text/html', name: 'x.html', size: 25 },
      }),
    ).rejects.toThrow()
  })
})
