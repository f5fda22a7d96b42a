/** The first line of a backup file. */
export interface BackupHeader {
  format: "pledge-tracker-backup";
  version: 1;
  createdAt: string;
  /** The migrations applied to the database backed up: a restore target must have the same. */
  migrations: string[];
  /** The session secret from `.data/auth-secret`, or null when BETTER_AUTH_SECRET was set (then it is the operator's to keep). */
  authSecret: string | null;
}

/** The last line: its absence marks a backup cut short. */
export interface BackupTrailer {
  end: true;
  counts: Record<string, number>;
}

export const BACKUP_FORMAT = "pledge-tracker-backup";

/** The migrations a database has finished applying, in order. */
export const APPLIED_MIGRATIONS_SQL =
  "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null order by migration_name";
