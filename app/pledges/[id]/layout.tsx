import { notFound, permanentRedirect } from "next/navigation";
import { pledgeRoute } from "@/server/queries/route-guards";

// Decided here, outside the page's loading boundary, so the answer's status is right: 404 for
// no such pledge, 308 to the survivor for a merged one. The page itself then streams.
export default async function PledgeLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const route = await pledgeRoute((await params).id);
  if (route.kind === "missing") notFound();
  if (route.kind === "merged") permanentRedirect(`/pledges/${route.survivorId}`);
  return children;
}
