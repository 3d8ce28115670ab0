import { WallScreen } from "./WallScreen";
import "./wall.css";

export const metadata = { title: "Cordon · wall" };

export default function WallPage() {
  return <WallScreen />;
}
