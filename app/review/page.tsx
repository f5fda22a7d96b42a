import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth";
import { hasRole } from "@/lib/schemas/role";
import { listReviewQueue } from "@/server/queries/list-review-queue";
import { ReviewQueue } from "./review-queue";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewPage() {
  const actor = await getSession();
  if (!actor) redirect("/login?next=/review");
  if (!hasRole(actor.role, "ANALYST")) {
    return (
      <div className="stack">
        <h1>Review queue</h1>
        <p>Reviewing links needs the analyst role; you are signed in as a viewer.</p>
      </div>
    );
  }
  const { threshold, linkThreshold, items } = await listReviewQueue();
  return (
    <div className="stack">
      <h1>Review queue</h1>
      <p className="muted">
        Links the engine made with confidence below {threshold.toFixed(2)}, and new pledges that came close to an
        earlier one (scored under the link threshold of {linkThreshold.toFixed(2)}), least sure first. Compare each
        mention with the pledge&apos;s first mention and the other pledges the engine weighed, then accept, mark the
        mention as not a pledge, or move it.
      </p>
      <ReviewQueue initialItems={items} />
    </div>
  );
}
