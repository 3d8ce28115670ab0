// Why: the one English text of every reason: the server's `message` is written from it, and English screens read it too.
import { type Params, refs, type Templates } from "./reasons";

/** `request r1: ` when the reason names its request. */
const req = (p: Params) => (p.requestId !== undefined ? `request ${p.requestId}: ` : "");
/** `payload.unit: ` when an issue names its field. */
const at = (p: Params) => (p.path ? `${p.path}: ` : "");
/** An age written as the release rule says it: whole hours, or minutes under an hour. */
export const ageEn = (p: Params) => (p.hours !== undefined ? `${p.hours} hours` : `${p.minutes} minutes`);
const alertWhat = (p: Params) => (p.alertId !== undefined ? `alert ${p.alertId}` : `the alert for request ${p.requestId}`);
const what = (p: Params) => `this ${p.urgent ? "urgent " : ""}${p.kind} request`;

/** A registry field as a header names it: `building (楼栋 or 楼号)`. */
const IMPORT_FIELD: Record<string, string> = {
  building: "building (楼栋 or 楼号)",
  entrance: "entrance (单元)",
  unit: "unit (室号 or 房号)",
  residents: "residents (人数)",
  name: "name (姓名 or 户主)",
  phone: "phone (电话 or 手机号码)",
  skills: "skills (技能)",
};
const importFields = (p: Params) =>
  String(p.fields ?? p.field ?? "")
    .split(",")
    .map((f) => IMPORT_FIELD[f] ?? f)
    .join(", ");

export const EN: Templates = {
  building_unknown: (p) => `building ${p.buildingId} is not registered; register it first (building.registered)`,
  household_unknown: (p) => `household ${p.householdId} is not registered; register it first (household.registered)`,
  volunteer_unknown: (p) => `volunteer ${p.volunteerId} is not registered; register them first (volunteer.registered)`,
  volunteer_unknown_in_community: (p) => `volunteer ${p.volunteerId} is not registered in ${p.community}; register them first`,
  round_unknown: (p) => `round ${p.roundId} is unknown; open it first (round.opened)`,
  request_unknown: (p) => `request ${p.requestId} is unknown; open it first (request.opened)`,
  building_already_registered: (p) => `building ${p.buildingId} is already registered`,
  household_already_registered: (p) => `household ${p.householdId} is already registered`,
  volunteer_already_registered: (p) => `volunteer ${p.volunteerId} is already registered`,
  request_already_exists: (p) => `request ${p.requestId} already exists; use a new requestId`,
  household_other_building: (p) =>
    `household ${p.householdId} is in building ${p.buildingId}, not ${p.asked}; a household does not move between buildings`,
  event_id_reused: (p) => `event id ${p.id} was already used for other content; use a new id`,
  round_still_open: (p) => `round ${p.roundId} is still open; close it first (round.closed)`,
  round_already_opened: (p) => `round ${p.roundId} was already opened once; use a new roundId`,
  round_already_closed: (p) => `round ${p.roundId} is already closed`,
  round_closed: (p) => `round ${p.roundId} is closed; tests go into the open round`,
  household_not_tested: (p) => `household ${p.householdId} has no test in round ${p.roundId}; record household.tested first`,
  building_not_sealed: (p) => `building ${p.buildingId} is not sealed`,
  volunteer_already_on_duty: (p) => `volunteer ${p.volunteerId} is already on duty; check them out first`,
  volunteer_not_on_duty: (p) => `volunteer ${p.volunteerId} is not on duty`,
  nothing_to_undo: (p) =>
    `there is no ${p.what} to undo${p.householdId ? ` for household ${p.householdId}` : ""}${p.volunteerId ? ` for volunteer ${p.volunteerId}` : ""}`,
  undo_window_passed: (p) => `a volunteer may undo their own ${p.what} for ${p.minutes} minutes only; ask the secretary`,
  undo_not_yours: (p) => `only who recorded this ${p.what}, or the secretary, may undo it`,
  undo_needs_reason: () => "undoing someone else's record needs a reason",
  volunteer_retired: (p) => `volunteer ${p.volunteerId} is retired${p.mergedInto ? ` (merged into ${p.mergedInto})` : ""}`,
  volunteer_merge_self: (p) => `volunteer ${p.volunteerId} cannot be merged into themself`,
  household_not_lived_in: (p) => `household ${p.householdId} is already marked ${p.status}`,
  household_already_lived_in: (p) => `household ${p.householdId} is already lived in`,
  request_not_pending: (p) =>
    `${req(p)}request is ${p.status}; to be ${String(p.action).replace("_", " ")} it must be still pending (not yet decided)`,
  request_not_approved: (p) => `${req(p)}request is ${p.status}; to be ${String(p.action).replace("_", " ")} it must be approved first`,
  no_pass: (p) => `request ${p.requestId} has no pass: only an approved leave or medical request lets its holder out`,
  pass_expired: (p) => `the pass of request ${p.requestId} ran out at ${p.until}; the secretary may approve a new one`,
  already_out: (p) => `the holder of request ${p.requestId}'s pass is already out (since ${p.outAt}); record them back in first`,
  not_out: (p) => `the holder of request ${p.requestId}'s pass is not out; only someone who went out can come back in`,
  pass_other_compound: () => "this pass is for another compound: its holder may not pass this gate",
  pass_unknown: () => "no pass has this code; it may be mistyped, or a screenshot too old to use",
  test_report_after_event: () => "the test report's testedAt is later than the event itself; check the date",
  test_report_in_future: (p) =>
    `the test report's testedAt is more than ${p.slackMinutes} minutes later than now or than the event; check the phone's date and time`,
  decision_dated_before_opened: (p) =>
    `${req(p)}a decision may not be dated before its request was opened (more than ${p.slackMinutes} minutes before); check the date`,
  registration_in_demo_community: (p) =>
    `community ${p.community} holds the demo compound, which clearing would take away with anything registered beside it; clear the demo first (the desk's "Clear the demo" button, or post demo.cleared), or register in another community`,
  alert_unknown: (p) => `${alertWhat(p)} does not exist`,
  alert_already_acknowledged: (p) => `${alertWhat(p)} is already acknowledged`,
  alert_already_resolved: (p) => `${alertWhat(p)} is already resolved: its request was decided`,
  post_already_registered: (p) => `post ${p.post} is already registered (${p.nameZh} / ${p.nameEn})`,
  post_name_taken: (p) => `post ${p.post} (${p.nameZh} / ${p.nameEn}) already goes by that name; choose another`,
  release_dated_before_opened: (p) => `${req(p)}release rule: an approval may not be dated before its request was opened`,
  release_dated_before_documents: (p) => `${req(p)}release rule: an approval may not be dated before the request's documents were added`,
  release_backdated: (p) =>
    `${req(p)}release rule: ${what(p)} is approved with a date ${ageEn(p)} in the past; approvals dated more than ${p.slackMinutes} minutes back need override.reason`,
  release_needs_documents: (p, sub) =>
    `${req(p)}release rule: ${what(p)} needs ${refs(p, "missing").map(sub).join(" and ")}; add the documents, or approve with override.reason`,
  release_needs_override: (p) =>
    `${req(p)}release rule: ${what(p)} is released only with override.reason${p.kind === "medical" ? " (only urgent medical requests go at once)" : ""}`,
  need_commitment_letter: () => "a signed commitment letter",
  need_test_report: () => "a test report",
  need_test_report_before_approval: () => "a test report taken before the approval",
  need_recent_test_report: (p) => `a test report from the last 48 hours (the newest is ${ageEn(p)} old)`,
  need_override: () => "an override reason",
  need_override_medical: () => "an override reason (only urgent medical requests go at once)",
  need_override_backdated: (p) => `an override reason, as the approval is dated ${ageEn(p)} before it is recorded`,
  need_dated_after_opened: () => "an approval dated after the request was opened",
  need_dated_after_documents: () => "an approval dated after its documents were added",
  no_token: () => "no valid token: send Authorization: Bearer <token>, or open a sign-in link with ?token=",
  sign_in_revoked: () => "this sign-in has been revoked; ask the secretary for a new link",
  role_forbidden: (p) => `the ${p.role} role may not use ${p.method} ${p.path}`,
  role_may_not_post: (p) => `the ${p.role} role may not post ${p.type}`,
  internal_event_type: (p) => `${p.type} is posted only by the server itself (the demo is loaded with DEMO=1)`,
  community_forbidden: (p) => `this sign-in belongs to another compound; it may not reach ${p.community}`,
  operator_only: (p) => `only the operator (ADMIN_TOKEN) may mint a ${p.role} token`,
  bound_other_community: (p) => `this sign-in belongs to volunteer ${p.volunteerId} of ${p.community}; it posts only there`,
  bound_other_volunteer: (p) => `this sign-in belongs to volunteer ${p.volunteerId}: it checks only them in and out`,
  cookie_wrong_origin: (p) =>
    `changes signed in by the session cookie must come from this server's own pages (Origin ${p.origin}); scripts send Authorization: Bearer <token>`,
  cookie_not_json: () => "changes signed in by the session cookie must be sent as Content-Type: application/json",
  cookie_malformed: (p) => `the ${p.name} cookie is malformed; clear this site's cookies and open a sign-in link again`,
  too_many_failed_sign_ins: () => "too many failed sign-ins from this address; wait a minute, then use a valid token or link",
  too_many_sockets: (p) => `this sign-in holds ${p.limit} connections on this server already; close a screen or tab, then retry`,
  too_many_requests: (p) => `too many requests for this token (over ${p.limit} a second); wait and retry, or send events in batches`,
  too_many_health_checks: (p) => `too many health checks from this address (over ${p.limit} a second)`,
  too_many_subscribes: (p) => `at most ${p.limit} subscribe calls in ${p.seconds} s; the subscription you have stays`,
  db_unavailable: () => "the database cannot be reached; nothing was recorded. Retry in a few seconds.",
  db_retrying: () => "the database cannot be reached; retrying",
  server_unreachable: () => "the server cannot be reached; try again",
  internal_error: () => "Internal error; the event was not recorded. Try again, and report it if it persists.",
  no_api: (p) => `no API at ${p.path}; see the README for the endpoints`,
  method_not_supported: (p) => `${p.method} is not supported on ${p.path}`,
  bad_escape: (p) => `the address has a malformed % escape (${p.part}); encode it with encodeURIComponent`,
  token_unknown: (p) => `no live token with id ${p.id}; GET /api/tokens lists them`,
  community_unknown: (p) => `no community ${p.community}; check the address or ask the secretary which community to show`,
  body_not_utf8: () => "the request body is not valid UTF-8; save the file or text as UTF-8 and send again",
  body_empty: () => 'the request body is empty; send a JSON event or {"events":[…]}',
  body_not_json: () => "the request body is not valid JSON",
  body_not_event: () => 'send one event {"type":…,"payload":{…}}, or {"events":[…]} with 1 to 1,000 events',
  body_too_large: (p) => `the request body is over ${p.kib} KiB; send at most 1,000 events a batch`,
  batch_empty: () => "events: must hold at least one event",
  batch_too_large: (p) => `events: at most ${Number(p.max).toLocaleString("en")} events a batch`,
  nul_character: (p) => `${p.path || "body"}: ${p.key ? "key " : ""}contains the NUL character (\\u0000); remove it`,
  lone_surrogate: (p) => `${p.path || "body"}: ${p.key ? "key " : ""}contains a lone surrogate (not valid Unicode)`,
  too_deep: (p) => `${p.path || "body"}: is nested more than ${p.depth} levels deep`,
  occurred_in_future: () => "occurredAt is in the future; check the device clock",
  token_request_invalid: (p) => `role must be one of ${p.roles}, with an optional label (and volunteerId for a volunteer's own token)`,
  subscribe_invalid: (p) => `subscribe needs {"community": id}: ${p.detail}`,
  report_date_future: (p) => `query: date ${p.date} is after today (${p.today} in ${p.timeZone}); a report covers a past day or today`,
  required: (p) => `${at(p)}is required`,
  wrong_type: (p) => `${at(p)}must be a ${p.expected}`,
  not_whole_number: (p) => `${at(p)}must be a whole number`,
  empty_text: (p) => `${at(p)}must not be empty`,
  too_long: (p) => `${at(p)}must be at most ${p.maximum} characters`,
  too_short: (p) => `${at(p)}must be at least ${p.minimum} long`,
  too_small: (p) => `${at(p)}must be at least ${p.minimum}`,
  too_big: (p) => `${at(p)}must be at most ${p.maximum}`,
  too_many: (p) => `${at(p)}must have at most ${p.maximum} items`,
  not_an_id: (p) => `${at(p)}must be 1–64 characters of letters, digits, '-', '_' or '.'`,
  not_a_phone: (p) => `${at(p)}must be a phone number of digits, spaces, '-', '(', ')'`,
  bad_post_name: (p) => `${at(p)}must be a short name of letters, digits, spaces, '-' or '_', such as testing, gate or 门岗`,
  bad_date: (p) => `${at(p)}must be an ISO 8601 date-time with a time zone, e.g. 2026-04-05T09:12:00+08:00`,
  before_2000: (p) => `${at(p)}must be in the year 2000 or later; check the date`,
  in_future: (p) => `${at(p)}is in the future`,
  bad_choice: (p) => `${at(p)}must be one of ${p.options}`,
  unknown_field: (p) => `${at(p)}has an unknown field: ${p.keys}`,
  not_base64: (p) => `${at(p)}must be base64`,
  invalid_value: (p) => `${at(p)}is not valid`,
  file_too_large: (p) => `the file is over ${p.mib} MiB; split it, or save it as CSV (smaller than .xlsx)`,
  file_sent_as_form: () => "send the file itself as the body (Content-Type: text/csv or the .xlsx type), not as a form",
  file_not_json: () => 'the request body is not valid JSON; send {"file":"<base64>"} or the file itself',
  file_envelope_invalid: () => 'a JSON body must be {"file":"<the file in base64>"}',
  file_body_empty: () => "the body is empty: send the registry file (CSV or .xlsx)",
  file_empty: () => "the file is empty; the first row must name the columns",
  file_old_xls: () => "this is an old Excel .xls file; save it as an Excel workbook (.xlsx) or as CSV and import that",
  file_no_rows: () => "the file has no rows; the first row must name the columns",
  csv_unreadable: (p) => `the CSV cannot be read near line ${p.line}: ${p.detail}`,
  xlsx_unreadable: (p) => `the Excel workbook cannot be read (${p.detail}); save it again as .xlsx, or as CSV`,
  xlsx_too_large: (p) =>
    `the Excel workbook unpacks to more than ${p.mib} MiB, far beyond any registry; nothing was read: check it is the right file, or save it as CSV`,
  xlsx_text_too_long: (p) =>
    `the Excel workbook holds more than ${p.kib} KiB of text in one piece (a cell holds at most 32,767 characters); nothing was read`,
  file_too_many_rows: (p) => `the file has more than ${p.max} rows; at most ${p.max} rows a file: split it`,
  file_too_many_columns: (p) => `line ${p.line} has more than ${p.max} columns; keep only the registry's columns`,
  file_too_many_cells: (p) => `the file holds more than ${p.max} cells; keep only the registry's columns, or split it`,
  file_cell_too_large: (p) => `line ${p.line} has a cell of more than ${p.max} characters; no registry cell is that long`,
  file_row_too_large: (p) => `line ${p.line} is longer than ${p.kib} KiB (an unclosed quote?); no registry row is that long`,
  header_duplicate_column: (p) => `two columns are ${p.field}: "${p.first}" and "${p.second}"; keep one, or set the other to ignored`,
  header_missing_columns: (p) =>
    `the header (line ${p.line}) has no ${importFields(p)} column for ${p.kind}; it has ${p.seen || "no names"}. Name the column, or choose which column it is`,
  header_not_found: (p) =>
    `no row names the columns of a ${p.kind === "volunteers" ? "volunteers list (姓名)" : "registry (楼栋/楼号, 单元 or 室号)"} in the first rows; the file starts with ${p.seen}`,
  sheet_not_found: (p) => `the workbook has no sheet "${p.sheet}"; its sheets are ${p.sheets}`,
  mapping_invalid: (p) => `mapping must be a JSON object of header → field or "ignore" (${p.detail})`,
  import_too_many_rows: (p) => `the file has ${p.rows} rows; at most ${p.max} rows a file: split it`,
  import_bad_rows: (p) =>
    `${p.count} bad row${p.count === 1 ? "" : "s"} (line ${p.lines}); nothing was imported. Fix them, or skip them with skipBadRows=1`,
  import_demo_community: (p) =>
    `community ${p.community} holds the demo compound, whose counts would mix with yours; clear the demo first (the desk's "Clear the demo" button, or post demo.cleared), or import into another community (community=…)`,
  no_demo_data: (p) => `community ${p.community} holds no demo data: there is nothing to clear`,
  row_problems: (p, sub) => refs(p, "problems").map(sub).join("; "),
  cell_empty: (p) => `${p.column} is empty`,
  cell_too_long: (p) => `${p.column} is longer than ${p.max} characters`,
  cell_not_phone: (p) => `${p.column} "${p.value}" is not a phone number (digits, spaces, '-', '(', ')', '+')`,
  residents_out_of_range: (p) => `${p.column} must be a whole number from 0 to 50 (0 or 空置 for a vacant flat), not "${p.value}"`,
  contact_incomplete: (p) => `a contact needs both a name and a phone: fill in ${p.column}, or leave both empty`,
  skill_too_long: (p) => `${p.column}: each skill must be at most ${p.max} characters`,
  too_many_skills: (p) => `${p.column}: at most ${p.max} skills`,
  cell_nul: () => "a cell contains the NUL character; remove it",
  row_duplicate: (p) => `the same ${p.entity} (${p.label}) as line ${p.first}; keep one row`,
  document_file_too_large: (p) => `the file is over ${p.mib} MiB; take the photo again at a lower resolution, or send it as JPEG`,
  file_type_unsupported: () => "the file is not a JPEG, PNG, WebP or HEIC photo, nor a PDF; take a photo of the document and send that",
  file_not_what_it_claims: (p) => `the file starts like a ${p.type} but cannot be read as one (cut short or damaged); send it again`,
  heic_not_decodable: () =>
    "this server cannot read HEIC photos; send the photo as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible), or take it from the page's camera button",
  picture_too_many_pixels: (p) => `the picture has more than ${p.megapixels} million pixels; send a smaller photo`,
  pdf_has_script: () =>
    "the PDF contains scripts or actions (JavaScript, launch, embedded files); print it to a plain PDF, or photograph it",
  file_unknown: (p) => `file ${p.fileId} is not known in this community; upload it first (POST /api/files)`,
  too_many_uploads: (p) =>
    `too many files uploaded: at most ${p.limit} in ${p.hours} hours ${p.per === "household" ? "per household" : "from one address"}; try again later`,
  too_many_pending: (p) => `household ${p.householdId} already has ${p.max} requests waiting for a decision; wait for one, or cancel one`,
  resident_other_household: () => "a household's token acts only for its own household and its own requests",
  file_forbidden_role: (p) => `the ${p.role} role never reads documents`,
};
