import { NextResponse, type NextRequest } from "next/server";
import { getAuth, readNeedsSignIn } from "@/server/auth";

// With READ_ACCESS=signed-in, pages need a live session (checked in the
// database, not just a cookie's presence). API routes answer 401 themselves,
// so personal tokens keep working.
export async function proxy(request: NextRequest) {
  if (!readNeedsSignIn()) return NextResponse.next();
  if (await getAuth().api.getSession({ headers: request.headers })) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/((?!login|api/|_next/static|_next/image|favicon.ico|robots.txt).*)"] };
