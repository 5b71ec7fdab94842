// Reads an iCalendar file with ical.js (Mozilla's parser, the one Thunderbird uses) and prints its events as JSON:
// an independent check of what the product writes. Usage: node parse-ics.mjs FILE
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const component = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
const events = component.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    start: event.startDate.toString(),
    allDay: event.startDate.isDate,
    end: event.endDate.toString(),
    sequence: event.sequence,
    url: vevent.getFirstPropertyValue("url"),
    stamp: vevent.getFirstPropertyValue("dtstamp")?.toString() ?? null,
  };
});
console.log(JSON.stringify({
  prodid: component.getFirstPropertyValue("prodid"),
  version: component.getFirstPropertyValue("version"),
  method: component.getFirstPropertyValue("method"),
  events,
}));
