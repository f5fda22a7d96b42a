import { NotFoundPanel } from "@/components/states/not-found-panel";

export default function NotFound() {
  return <NotFoundPanel what="meeting" back={{ href: "/meetings", label: "Back to all meetings" }} />;
}
