import { NextResponse, type NextRequest } from "next/server";
import { queryProblem } from "@/lib/request-params";
import { pageCsp } from "@/lib/security-headers";
import { getAuth, isSameOriginRequest, readNeedsSignIn } from "@/server/auth";

function refusal(status: 400 | 403, reason: string): NextResponse {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status === 400 ? "Bad request" : "Request refused"}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>${status === 400 ? "This address cannot be opened" : "This request was refused"}</h1><p>${reason.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}.</p><p><a href="/">Go to the overview</a></p></body></html>`;
  return new NextResponse(page, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

// Every page request: its query string is checked (400 with the reason when no link of ours
// could have produced it), it gets a fresh CSP nonce, and with READ_ACCESS=signed-in it needs a
// live session (checked in the database, not just a cookie's presence). API routes answer 401
// themselves, so personal tokens keep working.
export async function proxy(request: NextRequest) {
  const problem = queryProblem(request.nextUrl.searchParams);
  if (problem) return refusal(400, problem);
  // A POST to a page is a server action. Next.js compares its Origin with the host only when the
  // header is present; a cookie-carrying request without one is refused here.
  if (request.method === "POST" && !isSameOriginRequest(request)) {
    return refusal(403, "changes are accepted only from the app's own pages");
  }

  if (readNeedsSignIn() && !(await getAuth().api.getSession({ headers: request.headers }))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(nonce);
  // Next.js reads the policy from the request to put the nonce on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"] };
