import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/server/auth";

// Sign-up is disabled in the auth configuration: accounts come only from `npm run user:create`.
export const { GET, POST } = toNextJsHandler((request: Request) => getAuth().handler(request));
