// /people: the secretary hands out phones and screens.
import { PeopleScreen } from "./PeopleScreen";
import "./people.css";

export const metadata = { title: "Cordon · people and screens" };

export default function PeoplePage() {
  return <PeopleScreen />;
}
