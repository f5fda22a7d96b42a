import { revalidatePath } from "next/cache";
import { authenticateMutation, type Actor } from "@/server/auth";
import { errorResponse, InvalidInputError } from "@/server/services/errors";

type Params = Record<string, string | string[] | undefined>;

async function readJson(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new InvalidInputError({ _: ["the request body must be a JSON object"] });
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new InvalidInputError({ _: ["the request body must be a JSON object"] });
  }
  return body as Record<string, unknown>;
}

/**
 * The whole of an API mutation handler: authenticate (token, or cookie from
 * our own origin), read the JSON body, call the service that authorises,
 * validates and writes, then let every page show the change.
 */
export function mutationHandler<P extends Params>(
  run: (actor: Actor, body: Record<string, unknown>, params: P) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await authenticateMutation(request);
      const body = await readJson(request);
      const result = await run(actor, body, await context.params);
      revalidatePath("/", "layout");
      return Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
