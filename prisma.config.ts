import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./prisma/catalog-safe-adapter";

// The CLI runs migrations through the WebAssembly schema engine and the pg
// driver adapter, so no native engine binary is ever needed.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    // Commands that only compare schemas never connect; the pool connects lazily.
    return migrationAdapter(process.env.DATABASE_URL ?? "postgresql://127.0.0.1:1/unused");
  },
});
