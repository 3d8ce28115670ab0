// /history?entity=…&id=…: who did what and when to one request, household, building or volunteer.
import { HistoryScreen } from "./HistoryScreen";

export const metadata = { title: "Cordon · history" };

export default function HistoryPage() {
  return <HistoryScreen />;
}
