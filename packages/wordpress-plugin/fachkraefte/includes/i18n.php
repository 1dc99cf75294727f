<?php
/**
 * Texts, German first and English complete. Visitor-facing texts follow the widget's language
 * (its `lang`, else the site's locale); admin texts follow the user's locale. A table rather than
 * gettext: the plugin ships without a build step, and a `.mo` file would be one (WordPress 6.1
 * cannot read the PHP translation files of 6.5+).
 *
 * @package Fachkraefte
 */

declare(strict_types=1);

if (!defined('ABSPATH')) {
	exit;
}

/** @return array<string, array{de: string, en: string}> */
function fachkraefte_texts(): array {
	return [
		'settings_link'        => ['de' => 'Einstellungen', 'en' => 'Settings'],
		'settings_title'       => ['de' => 'Fachkräfteallianzen-Widgets', 'en' => 'Skilled-worker alliance widgets'],
		'settings_menu'        => ['de' => 'Fachkräfte-Widgets', 'en' => 'Fachkräfte widgets'],
		'settings_intro'       => ['de' => 'Woher die Widgets ihre Daten und ihre Skripte laden. Beide Adressen betreibt Ihr Haus oder ein Dienstleister Ihres Vertrauens; andere Hosts werden nicht angefragt.', 'en' => 'Where the widgets load their data and their scripts from. Your organisation or a provider you trust runs both; no other host is contacted.'],
		'api_label'            => ['de' => 'API-Adresse', 'en' => 'API base URL'],
		'api_help'             => ['de' => 'Basisadresse der Schnittstelle, z. B. https://daten.example.de/v1', 'en' => 'Base URL of the API, e.g. https://daten.example.de/v1'],
		'cdn_label'            => ['de' => 'CDN-Ordner', 'en' => 'CDN folder'],
		'cdn_help'             => ['de' => 'Adresse des Ordners mit fk.js, z. B. https://www.example.de/cdn/', 'en' => 'URL of the folder that holds fk.js, e.g. https://www.example.de/cdn/'],
		'usage_title'          => ['de' => 'Verwendung', 'en' => 'Usage'],
		'usage_text'           => ['de' => 'Im Beitrag den Block „Fachkräfte-Widget“ einfügen oder einen Shortcode schreiben:', 'en' => 'Add the “Fachkräfte widget” block to a post, or write a shortcode:'],
		'invalid_url'          => ['de' => '%s: Bitte eine vollständige http(s)-Adresse angeben. Der bisherige Wert bleibt erhalten.', 'en' => '%s: please enter a complete http(s) URL. The previous value is kept.'],
		'saved'                => ['de' => 'Einstellungen gespeichert.', 'en' => 'Settings saved.'],
		'not_configured'       => ['de' => 'Fachkräfte-Widget: Die API-Adresse und der CDN-Ordner sind noch nicht eingestellt (Einstellungen → Fachkräfte-Widgets).', 'en' => 'Fachkräfte widget: the API base URL and the CDN folder are not set yet (Settings → Fachkräfte widgets).'],
		'error_prefix'         => ['de' => 'Fachkräfte-Widget kann nicht angezeigt werden:', 'en' => 'The Fachkräfte widget cannot be shown:'],
		'err_widget'           => ['de' => '„widget“ muss alliance-directory, event-calendar oder member-map sein.', 'en' => '“widget” must be alliance-directory, event-calendar or member-map.'],
		'err_unknown'          => ['de' => 'unbekanntes Attribut „%s“ für dieses Widget.', 'en' => 'unknown attribute “%s” for this widget.'],
		'err_slug'             => ['de' => '„%s“ muss ein Kürzel aus Kleinbuchstaben, Ziffern und Bindestrichen sein.', 'en' => '“%s” must be a slug of lower-case letters, digits and hyphens.'],
		'err_slugs'            => ['de' => '„%s“ muss ein oder mehrere Kürzel sein (Kleinbuchstaben, Ziffern, Bindestriche; getrennt durch Leerzeichen oder Kommas).', 'en' => '“%s” must be one or more slugs (lower-case letters, digits, hyphens; separated by spaces or commas).'],
		'err_required'         => ['de' => '„%s“ fehlt, dieses Widget braucht es.', 'en' => '“%s” is missing; this widget needs it.'],
		'err_enum'             => ['de' => '„%1$s“ muss einer dieser Werte sein: %2$s.', 'en' => '“%1$s” must be one of: %2$s.'],
		'err_int'              => ['de' => '„%1$s“ muss eine ganze Zahl von %2$d bis %3$d sein.', 'en' => '“%1$s” must be a whole number from %2$d to %3$d.'],
		'err_bool'             => ['de' => '„%s“ ist ein Schalter: ohne Wert, oder „true“/„false“.', 'en' => '“%s” is a switch: without a value, or “true”/“false”.'],
		'err_month'            => ['de' => '„%s“ muss ein Monat der Form JJJJ-MM sein.', 'en' => '“%s” must be a month as YYYY-MM.'],
		'err_tz'               => ['de' => '„%s“ muss eine IANA-Zeitzone sein, z. B. Europe/Berlin.', 'en' => '“%s” must be an IANA time zone, e.g. Europe/Berlin.'],
		'err_url'              => ['de' => '„%s“ muss eine http(s)-Adresse sein.', 'en' => '“%s” must be an http(s) URL.'],
		'err_tiles'            => ['de' => '„%s“ muss „none“ sein oder eine http(s)-Kachel-Vorlage mit {z}, {x} und {y} (oder {TileMatrix}, {TileRow}, {TileCol}) auf dem Host dieser Website, der API oder des CDN.', 'en' => '“%s” must be “none” or an http(s) tile template with {z}, {x} and {y} (or {TileMatrix}, {TileRow}, {TileCol}) on the host of this site, the API or the CDN.'],
		'err_text'             => ['de' => '„%s“ ist zu lang oder enthält Steuerzeichen.', 'en' => '“%s” is too long or contains control characters.'],
		'fallback_directory'   => ['de' => 'Übersicht der Fachkräfteallianzen (Daten)', 'en' => 'Overview of the skilled-worker alliances (data)'],
		'fallback_profile'     => ['de' => 'Profil der Fachkräfteallianz (Daten)', 'en' => 'Profile of the skilled-worker alliance (data)'],
		'fallback_calendar'    => ['de' => 'Termine als Kalenderdatei (.ics)', 'en' => 'Events as a calendar file (.ics)'],
		'fallback_map'         => ['de' => 'Mitglieder als GeoJSON-Datei', 'en' => 'Members as a GeoJSON file'],
		'block_title'          => ['de' => 'Fachkräfte-Widget', 'en' => 'Fachkräfte widget'],
	];
}

/** `de` or `en` for the signed-in user (admin screens). */
function fachkraefte_admin_lang(): string {
	return str_starts_with(get_user_locale(), 'de') ? 'de' : (str_starts_with(get_user_locale(), 'en') ? 'en' : 'de');
}

/** `de` or `en` for visitors when the shortcode sets no `lang`: the site's locale, German otherwise. */
function fachkraefte_site_lang(): string {
	return str_starts_with(get_locale(), 'en') ? 'en' : 'de';
}

/** The text `$key` in `$lang` (default: the admin language), formatted with `$args`. */
function fachkraefte_t(string $key, ?string $lang = null, string|int ...$args): string {
	$lang = $lang ?? fachkraefte_admin_lang();
	$text = fachkraefte_texts()[$key][$lang] ?? fachkraefte_texts()[$key]['de'] ?? $key;
	return $args ? vsprintf($text, $args) : $text;
}
