import { StreetScreen } from "./StreetScreen";

export const metadata = { title: "Cordon · street office" };

export default function StreetPage() {
  return <StreetScreen />;
}
