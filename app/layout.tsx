import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { SiteNav } from "@/components/nav/site-nav";
import { getSession } from "@/server/auth";
import { signOutAction } from "@/server/actions/sign-out";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pledge Tracker", template: "%s · Pledge Tracker" },
  description: "Pledges made in meeting readouts, how often they are repeated, and what became of them.",
  icons: {
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230072B2'/%3E%3Cpath d='M4 8l3 3 5-6' stroke='white' stroke-width='2' fill='none'/%3E%3C/svg%3E",
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await getSession();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteNav actor={actor} signOut={signOutAction} />
        <NuqsAdapter>
          <main id="main" tabIndex={-1} className="page">
            {children}
          </main>
        </NuqsAdapter>
      </body>
    </html>
  );
}
