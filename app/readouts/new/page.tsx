import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth";
import { hasRole, roleLabel } from "@/lib/schemas/role";
import { MAX_READOUT_BYTES } from "@/lib/readout-limits";
import { previewReadoutAction, storeReadoutAction } from "@/server/actions/intake";
import { reviewThreshold } from "@/server/queries/list-review-queue";
import { IntakeForm } from "@/components/intake/intake-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Add readouts" };
export const dynamic = "force-dynamic";

// Shown to analysts and admins; both actions behind it check the role again on the server.
export default async function NewReadoutsPage() {
  const actor = await getSession();
  if (!actor) redirect("/login?next=/readouts/new");
  if (!hasRole(actor.role, "ANALYST")) {
    return (
      <div className="stack">
        <h1>Add readouts</h1>
        <p>Adding readouts needs the analyst role; you are signed in as {roleLabel(actor.role).toLowerCase()}.</p>
      </div>
    );
  }
  return (
    <div className="stack">
      <PageHeader
        title="Add readouts"
        lead="Paste a readout or upload files. Each is analysed as the ingest command does it, and you see what storing it would do before anything is stored."
      />
      <IntakeForm preview={previewReadoutAction} store={storeReadoutAction} lowConfidence={reviewThreshold()} maxBytes={MAX_READOUT_BYTES} />
    </div>
  );
}
