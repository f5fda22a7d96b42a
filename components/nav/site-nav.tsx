import Link from "next/link";
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
        <NavLinks />
        <div className={styles.user}>
          <UserMenu actor={actor} signOut={signOut} />
        </div>
      </nav>
    </header>
  );
}
