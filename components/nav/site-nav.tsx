import Link from "next/link";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";
import styles from "./site-nav.module.css";

export function SiteNav() {
  return (
    <header className={styles.bar}>
      <nav className={styles.inner} aria-label="Main">
        <Link href="/" className={styles.brand}>
          Pledge Tracker
        </Link>
        <NavLinks />
        <div className={styles.user}>
          <UserMenu />
        </div>
      </nav>
    </header>
  );
}
