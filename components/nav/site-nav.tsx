import Link from "next/link";
import { hasRole } from "@/lib/schemas/role";
import { NavLinks } from "./nav-links";
import type { Actor } from "@/server/services/actor";
import { UserMenu } from "./user-menu";
import styles from "./site-nav.module.css";

export function SiteNav({ actor, signOut }: { actor: Actor | null; signOut: () => Promise<void> }) {
  return (
    <header className={styles.bar}>
      <nav className={styles.inner} aria-label="Main">
        <Link href="/" className={styles.brand}>
          Pledge Tracker
        </Link>
        <NavLinks canAddReadouts={actor !== null && hasRole(actor.role, "ANALYST")} />
        <div className={styles.user}>
          <UserMenu actor={actor} signOut={signOut} />
        </div>
      </nav>
    </header>
  );
}
