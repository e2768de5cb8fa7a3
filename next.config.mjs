import { withPayload } from '@payloadcms/next/withPayload'

/**
 * Hosts the admin may be opened at in development: Next blocks its dev resources (scripts, hot
 * reload) for any other host, and the admin then never hydrates. localhost, 127.0.0.1 and the host
 * of PUBLIC_URL (e.g. a LAN address) are allowed.
 */
export const devOrigins = (publicUrl = process.env.PUBLIC_URL) => {
  const hosts = ['localhost', '127.0.0.1']
  try {
    if (publicUrl) hosts.push(new URL(publicUrl).hostname)
  } catch {
    // an invalid PUBLIC_URL is reported by the configuration check (src/env.ts)
  }
  return [...new Set(hosts)]
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // NEXT_DIST_DIR: a build/dev folder of its own, so that several dev instances can run in one checkout.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  images: { unoptimized: true },
  // `npm test` runs tsc --noEmit over the whole project; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  allowedDevOrigins: devOrigins(),
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
