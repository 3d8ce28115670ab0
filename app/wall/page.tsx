import { WallScreen } from "./WallScreen";

export const metadata = { title: "Cordon · wall" };

export default function WallPage() {
  return <WallScreen />;
}
