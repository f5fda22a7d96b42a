import path from "node:path";

/**
 * Where the session secret is kept when BETTER_AUTH_SECRET is not set: beside the embedded
 * database's data folder (`.data/auth-secret` by default). The app and backup/restore read it here.
 */
export function authSecretFile(): string {
  const dataDir = process.env.PLEDGE_DATA_DIR ? path.dirname(path.resolve(process.env.PLEDGE_DATA_DIR)) : path.resolve(".data");
  return path.join(dataDir, "auth-secret");
}
