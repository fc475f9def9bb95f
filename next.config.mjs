/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite is WebAssembly loaded at run time; pg has optional native bits. Keep both out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  // proxy.ts checks the router state header client navigations send, which Next.js otherwise
  // hides from it; the proxy neither rewrites nor redirects, so nothing else changes.
  skipProxyUrlNormalize: true,
  // Content-Security-Policy is set per request in proxy.ts: it carries a fresh script nonce.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
