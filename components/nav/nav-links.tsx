"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./site-nav.module.css";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/pledges", label: "Pledges" },
  { href: "/meetings", label: "Meetings" },
  { href: "/trends", label: "Trends" },
  { href: "/review", label: "Review" },
];

export function NavLinks() {
  const pathname = usePathname() ?? "/";
  return (
    <ul className={styles.links}>
      {LINKS.map((link) => {
        const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        return (
          <li key={link.href}>
            <Link href={link.href} className={styles.link} aria-current={active ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
