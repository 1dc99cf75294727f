<?php
/**
 * The block "Fachkräfte-Widget": dynamic (it saves only its attributes) and rendered on the
 * server by the shortcode's function, so it gets the same checks and escaping. Its editor script
 * is plain JavaScript against WordPress's globals, so the plugin needs no build step.
 *
 * @package Fachkraefte
 */

declare(strict_types=1);

if (!defined('ABSPATH')) {
	exit;
}

function fachkraefte_register_block(): void {
	$block = register_block_type(dirname(__DIR__) . '/blocks/widget', ['render_callback' => 'fachkraefte_render_block']);
	if (!$block) {
		return;
	}
	$lang = fachkraefte_admin_lang();
	$de = $lang === 'de';
	$texts = [
		'title'          => fachkraefte_t('block_title'),
		'settings'       => $de ? 'Einstellungen' : 'Settings',
		'widget'         => 'Widget',
		'directory'      => $de ? 'Verzeichnis der Fachkräfteallianzen' : 'Directory of the alliances',
		'calendar'       => $de ? 'Terminkalender' : 'Event calendar',
		'map'            => $de ? 'Mitgliederkarte' : 'Member map',
		'alliance'       => $de ? 'Fachkräfteallianz' : 'Alliance',
		'allianceSlug'   => $de ? 'Fachkräfteallianz (Kürzel)' : 'Alliance (slug)',
		'allianceHelp'   => $de ? 'Die API ist im Editor nicht erreichbar: Kürzel von Hand eintragen, z. B. fachkraefteallianz-suedwest.' : 'The API cannot be reached from the editor: type the slug, e.g. fachkraefteallianz-suedwest.',
		'all'            => $de ? 'Alle Allianzen' : 'All alliances',
		'choose'         => $de ? 'Bitte eine Allianz wählen' : 'Please choose an alliance',
		'lang'           => $de ? 'Sprache' : 'Language',
		'pageLang'       => $de ? 'wie die Seite' : 'as the page',
		'theme'          => $de ? 'Farbschema' : 'Colour scheme',
		'themeAuto'      => $de ? 'wie das System der Besucher' : 'as the visitor’s system',
		'themeLight'     => $de ? 'hell' : 'light',
		'themeDark'      => $de ? 'dunkel' : 'dark',
		'view'           => $de ? 'Ansicht' : 'View',
		'viewAuto'       => $de ? 'nach verfügbarer Breite' : 'by available width',
		'viewMonth'      => $de ? 'Monat' : 'Month',
		'viewList'       => $de ? 'Liste' : 'List',
		'noTiles'        => $de ? 'Karte ohne Kacheln (keine Einwilligung nötig)' : 'Map without tiles (no consent needed)',
		'noTilesHelp'    => $de ? 'Aus: Kacheln von basemap.de erst nach Klick der Besucher.' : 'Off: basemap.de tiles only after the visitor clicks.',
		'heading'        => $de ? 'Überschriftenebene' : 'Heading level',
		'headingDefault' => $de ? 'Standard (H2)' : 'Default (H2)',
		'history'        => $de ? 'Auswahl in der Adresse merken' : 'Keep the selection in the address',
		'historyHelp'    => $de ? 'Höchstens ein Widget je Art auf einer Seite.' : 'At most one widget of each kind per page.',
		'fallback'       => $de ? 'Link ohne JavaScript (optional)' : 'Link without JavaScript (optional)',
		'fallbackHelp'   => $de ? 'Leer: Link auf die Daten (Kalenderdatei, GeoJSON).' : 'Empty: a link to the data (calendar file, GeoJSON).',
		'preview'        => $de ? 'Das Widget erscheint in der Vorschau und auf der veröffentlichten Seite.' : 'The widget appears in the preview and on the published page.',
	];
	$data = ['api' => fachkraefte_settings()['api_base'], 'texts' => $texts];
	foreach ($block->editor_script_handles ?? [] as $handle) {
		wp_add_inline_script($handle, 'window.fachkraefteEditor = ' . wp_json_encode($data) . ';', 'before');
	}
}

/**
 * Block attributes → the shortcode's attribute names, leaving out what is empty or does not
 * belong to the chosen widget (switching widgets in the editor must not leave an error behind).
 *
 * @param array<string, mixed> $attributes
 */
function fachkraefte_render_block(array $attributes): string {
	$widget = is_string($attributes['widget'] ?? null) ? $attributes['widget'] : 'alliance-directory';
	$map = ['alliance' => 'alliance', 'lang' => 'lang', 'theme' => 'theme', 'view' => 'view', 'headingLevel' => 'heading-level', 'history' => 'history', 'tiles' => 'tiles', 'fallback' => 'fallback', 'fallbackText' => 'fallback-text'];
	$known = (FACHKRAEFTE_WIDGET_ATTRIBUTES[$widget] ?? []) + FACHKRAEFTE_COMMON_ATTRIBUTES + FACHKRAEFTE_PLUGIN_ATTRIBUTES;
	$atts = ['widget' => $widget];
	foreach ($map as $from => $to) {
		$value = $attributes[$from] ?? null;
		if ($value === null || $value === '' || $value === false || !isset($known[$to])) {
			continue;
		}
		$atts[$to] = $value === true ? true : (string) $value;
	}
	$html = fachkraefte_render($atts);
	return $html === '' ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>';
}
