// /releases: the release register (放行登记簿), for the secretary: every release, its basis, documents, pass and trips; printable on A4.
import { ReleasesScreen } from "./ReleasesScreen";
import "./releases.css";

export const metadata = { title: "Cordon · release register 放行登记簿" };

export default function ReleasesPage() {
  return <ReleasesScreen />;
}
