import { NotFoundPanel } from "@/components/states/not-found-panel";

export default function NotFound() {
  return <NotFoundPanel what="pledge" back={{ href: "/pledges", label: "Back to all pledges" }} />;
}
