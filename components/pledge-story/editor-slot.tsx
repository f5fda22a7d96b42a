import type { ReactNode } from "react";
import type { PledgeStory } from "@/server/queries/pledge-story";
import { PledgeEditPanel } from "@/components/pledge-edit/pledge-edit-panel";

/**
 * The analyst's edit panel on a pledge's story page. The panel reads the
 * session itself and renders nothing for viewers and signed-out readers.
 */
export function renderPledgeEditor(pledge: PledgeStory): ReactNode {
  return <PledgeEditPanel pledgeId={pledge.id} />;
}
