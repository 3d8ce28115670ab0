// Why: the secretary imports the committee's own registry at /import (linked from the desk).
import { ImportScreen } from "./ImportScreen";

export const metadata = { title: "Cordon · import" };

export default function ImportPage() {
  return <ImportScreen />;
}
