"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { APIError } from "better-auth/api";
import { getAuth, readNeedsSignIn } from "@/server/auth";

/** Ends the session in the database and clears the cookie (the next-cookies plugin writes the cleared cookie). */
export async function signOutAction(): Promise<void> {
  try {
    await getAuth().api.signOut({ headers: await headers() });
  } catch (error) {
    // Already signed out (expired or deleted session): there is nothing left to end.
    if (!(error instanceof APIError)) throw error;
  }
  // With sign-in required for reading, the redirect target is rendered in this same response: send them where nothing is shown.
  redirect(readNeedsSignIn() ? "/login" : "/");
}
