import { ConsoleScreen } from "./ConsoleScreen";

export const metadata = { title: "Cordon · console" };

export default function ConsolePage() {
  return <ConsoleScreen />;
}
