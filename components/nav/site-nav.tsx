import Link from "next/link";
import { getSession } from "@/server/auth";
import { hasRole } from "@/lib/schemas/role";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";
import styles from "./site-nav.module.css";

export async function SiteNav() {
  const actor = await getSession();
  return (
    <header className={styles.bar}>
      <nav className={styles.inner} aria-label="Main">
        <Link href="/" className={styles.brand}>
          Pledge Tracker
        </Link>
        <NavLinks canAddReadouts={actor !== null && hasRole(actor.role, "ANALYST")} />
        <div className={styles.user}>
          <UserMenu />
        </div>
      </nav>
    </header>
  );
}
