// /street/daily: the street's daily summary, each compound's day side by side with the totals, printed on A4.
import { StreetDailyScreen } from "./StreetDailyScreen";
import "./street-daily.css";

export const metadata = { title: "Cordon · street daily summary 街道每日汇总" };

export default function StreetDailyPage() {
  return <StreetDailyScreen />;
}
