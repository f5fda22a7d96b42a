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

/** The main links; `canAddReadouts` (analysts and admins) adds the way to add readouts. */
export function NavLinks({ canAddReadouts = false }: { canAddReadouts?: boolean }) {
  const pathname = usePathname() ?? "/";
  const links = canAddReadouts ? [...LINKS, { href: "/readouts/new", label: "Add readouts" }] : LINKS;
  return (
    <ul className={styles.links}>
      {links.map((link) => {
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
