import { DeskScreen } from "./DeskScreen";

export default function DeskPage() {
  return <DeskScreen />;
}
