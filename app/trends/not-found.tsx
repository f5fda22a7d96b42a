import { NotFoundPanel } from "@/components/states/not-found-panel";

export default function NotFound() {
  return <NotFoundPanel what="page" back={{ href: "/trends", label: "Back to trends" }} />;
}
