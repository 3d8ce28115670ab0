// Why: the closed set of reasons a person can be refused for, shared by the server (which sends them) and the screens (which translate them).

/** Every reason an error, an issue, a bad import row, a socket `problem` or a release verdict can carry. */
export const REASONS = [
  // 409: ids the feed does not know, or knows already
  "building_unknown",
  "household_unknown",
  "volunteer_unknown",
  "volunteer_unknown_in_community",
  "round_unknown",
  "request_unknown",
  "building_already_registered",
  "household_already_registered",
  "volunteer_already_registered",
  "request_already_exists",
  "household_other_building",
  "event_id_reused",
  // 409: rounds, seals, duty, requests, alarms, posts
  "round_still_open",
  "round_already_opened",
  "round_already_closed",
  "round_closed",
  "household_not_tested",
  "building_not_sealed",
  "volunteer_already_on_duty",
  "volunteer_not_on_duty",
  "request_not_pending",
  "request_not_approved",
  "test_report_after_event",
  "test_report_in_future",
  "decision_dated_before_opened",
  "registration_in_demo_community",
  "alert_unknown",
  "alert_already_acknowledged",
  "alert_already_resolved",
  "post_already_registered",
  "post_name_taken",
  // 409/404: passes and the gate (v1.2, section 8)
  "no_pass",
  "pass_expired",
  "already_out",
  "not_out",
  "pass_unknown",
  // 403 at the gate: a genuine pass of a compound this sign-in does not reach
  "pass_other_compound",
  // 409: undoing, merging, retiring, vacating (corrections)
  "nothing_to_undo",
  "undo_window_passed",
  "undo_not_yours",
  "undo_needs_reason",
  "volunteer_retired",
  "volunteer_merge_self",
  "household_not_lived_in",
  "household_already_lived_in",
  // 409: the release rule, and what it finds missing
  "release_dated_before_opened",
  "release_dated_before_documents",
  "release_backdated",
  "release_needs_documents",
  "release_needs_override",
  "need_commitment_letter",
  "need_test_report",
  "need_test_report_before_approval",
  "need_recent_test_report",
  "need_override",
  "need_override_medical",
  "need_override_backdated",
  "need_dated_after_opened",
  "need_dated_after_documents",
  // 401, 403, 404, 429, 500, 503 and the address
  "no_token",
  "sign_in_revoked",
  "role_forbidden",
  "role_may_not_post",
  "internal_event_type",
  "bound_other_community",
  "bound_other_volunteer",
  "community_forbidden",
  "operator_only",
  "cookie_wrong_origin",
  "cookie_not_json",
  "cookie_malformed",
  "too_many_failed_sign_ins",
  "too_many_sockets",
  "too_many_requests",
  "too_many_health_checks",
  "too_many_subscribes",
  "db_unavailable",
  "db_retrying",
  "server_unreachable",
  "internal_error",
  "no_api",
  "method_not_supported",
  "bad_escape",
  "token_unknown",
  "community_unknown",
  // 400/413: the body as a whole
  "body_not_utf8",
  "body_empty",
  "body_not_json",
  "body_not_event",
  "body_too_large",
  "batch_empty",
  "batch_too_large",
  "nul_character",
  "lone_surrogate",
  "too_deep",
  "occurred_in_future",
  "token_request_invalid",
  "subscribe_invalid",
  "report_date_future",
  // 400: one field (zod's issues, mapped)
  "required",
  "wrong_type",
  "not_whole_number",
  "empty_text",
  "too_long",
  "too_short",
  "too_small",
  "too_big",
  "too_many",
  "not_an_id",
  "not_a_phone",
  "bad_post_name",
  "bad_date",
  "before_2000",
  "in_future",
  "bad_choice",
  "unknown_field",
  "not_base64",
  "invalid_value",
  // the registry import: the file, and its rows
  "file_too_large",
  "file_sent_as_form",
  "file_not_json",
  "file_envelope_invalid",
  "file_body_empty",
  "file_empty",
  "file_old_xls",
  "file_no_rows",
  "csv_unreadable",
  "xlsx_unreadable",
  "xlsx_too_large",
  "xlsx_text_too_long",
  "file_too_many_rows",
  "file_too_many_columns",
  "file_too_many_cells",
  "file_cell_too_large",
  "file_row_too_large",
  "header_duplicate_column",
  "header_missing_columns",
  "header_not_found",
  "sheet_not_found",
  "mapping_invalid",
  "import_too_many_rows",
  "import_bad_rows",
  "import_demo_community",
  "no_demo_data",
  "row_problems",
  "cell_empty",
  "cell_too_long",
  "cell_not_phone",
  "residents_out_of_range",
  "contact_incomplete",
  "skill_too_long",
  "too_many_skills",
  "cell_nul",
  "row_duplicate",
  // documents and residents (v1.2 section 7)
  "document_file_too_large",
  "file_type_unsupported",
  "file_not_what_it_claims",
  "heic_not_decodable",
  "picture_too_many_pixels",
  "pdf_has_script",
  "file_unknown",
  "too_many_uploads",
  "too_many_pending",
  "resident_other_household",
  "file_forbidden_role",
] as const;

export type Reason = (typeof REASONS)[number];

/** A reason's parameters: plain values, or a list of further reasons (what the release rule misses, a row's problems). */
export type ParamValue = string | number | boolean | ReasonRef[];
export type Params = { [key: string]: ParamValue };
export interface ReasonRef {
  reason: Reason;
  params: Params;
}

/** One text per reason, in one language; `sub` writes a nested reason in the same language. */
export type Template = (p: Params, sub: (r: ReasonRef) => string) => string;
export type Templates = Record<Reason, Template>;

const KNOWN: ReadonlySet<string> = new Set(REASONS);
export const isReason = (s: unknown): s is Reason => typeof s === "string" && KNOWN.has(s);

/** The nested reasons under `key`, or none. */
export const refs = (p: Params, key: string): ReasonRef[] => {
  const v = p[key];
  return Array.isArray(v) ? v : [];
};

/** Writes `r` with `table`, nested reasons included. */
export function render(table: Templates, r: ReasonRef): string {
  const sub = (x: ReasonRef): string => (isReason(x.reason) ? render(table, x) : "");
  return table[r.reason](r.params ?? {}, sub);
}
