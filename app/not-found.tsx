import { NotFoundPanel } from "@/components/states/not-found-panel";

export default function NotFound() {
  return <NotFoundPanel what="page" back={{ href: "/", label: "Go to the overview" }} />;
}
