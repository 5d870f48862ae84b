package site

import _ "embed"

// contentAdapter generates every page of an edition from its data file.
//
//go:embed content/_content.gotmpl
var contentAdapter []byte

// Keys are the interface strings the site's layouts print; every language
// must have them (the # Site section of i18n/fr.yaml).
var Keys = []string{
	"site_name", "skip_to_content", "quick_exit", "quick_exit_hint", "quick_exit_label",
	"menu", "nav_label", "home", "draft_explain", "draft_word",
	"page_contacts", "page_contacts_description", "page_advice", "page_advice_description",
	"page_myths", "page_myths_description", "page_downloads", "page_downloads_description",
	"page_safety", "page_safety_description", "page_editions", "page_editions_description",
	"not_found_title", "not_found_heading", "not_found_intro", "home_heading", "home_intro", "home_reflexes", "home_more", "home_all_contacts",
	"call", "website", "hours", "cost", "anonymous_yes", "anonymous_no", "unverified",
	"sources_heading", "law_references", "law_read", "terminology_avoid", "terminology_use", "glossary_heading",
	"downloads_intro", "downloads_empty", "downloads_group_young", "downloads_group_everyone", "downloads_group_parents",
	"downloads_group_professionals", "downloads_group_organisers", "downloads_internal", "downloads_internal_tag", "downloads_card",
	"preview", "size_card", "sha256_summary", "download", "download_kit", "sha256", "variant_office", "variant_bleed", "format_png",
	"safety_history", "safety_tabs", "safety_private", "safety_exit", "editions_other", "translations_label",
	"footer_privacy", "published_by", "qr_alt", "contacts_for", "advice_threat", "advice_shared",
	"audience_young", "audience_parents", "audience_professionals", "audience_everyone",
	// The personalise page (layouts/personalise.html, docs/PERSONALISE.md).
	"page_personalise", "page_personalise_description", "downloads_personalise", "perso_intro", "perso_private",
	"perso_fallback", "perso_loading", "perso_poster", "perso_design", "perso_size", "perso_variant", "perso_local",
	"perso_local_name", "perso_local_role", "perso_local_phone", "perso_local_hours", "perso_local_address",
	"perso_local_url", "perso_local_logo", "perso_preview", "perso_preview_alt", "perso_download", "perso_fix",
	"perso_err_missing", "perso_err_text", "perso_err_long", "perso_err_phone", "perso_err_premium", "perso_err_url",
	"perso_err_logo_size", "perso_err_logo_type", "perso_err_fit", "perso_err_poster",
	"perso_example_name", "perso_example_role",
}
