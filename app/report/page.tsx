// /report: the daily report (日报) of any past day, on screen and printed on one A4 page.
import { ReportScreen } from "./ReportScreen";
import "./report.css";

export const metadata = { title: "Cordon · daily report 日报" };

export default function ReportPage() {
  return <ReportScreen />;
}
