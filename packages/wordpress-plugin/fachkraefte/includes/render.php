<?php
/**
 * The markup of one widget, shared by the shortcode and the block: the `<fk-*>` element with its
 * checked attributes (every value through esc_attr, URLs through esc_url) and, inside it, the
 * no-JavaScript fallback link.
 *
 * @package Fachkraefte
 */

declare(strict_types=1);

if (!defined('ABSPATH')) {
	exit;
}

/**
 * @param array<string, string|bool|int> $atts name => value (`true` for a bare switch)
 */
function fachkraefte_render(array $atts): string {
	$lang_attr = is_string($atts['lang'] ?? null) ? $atts['lang'] : '';
	$lang = in_array($lang_attr, ['de', 'en'], true) ? $lang_attr : fachkraefte_site_lang();
	$checked = fachkraefte_check_attributes($atts, $lang);
	if ($checked['errors']) {
		return fachkraefte_render_errors($checked['errors'], $lang);
	}
	$settings = fachkraefte_settings();
	if ($settings['api_base'] === '' || $settings['cdn_url'] === '') {
		// Visitors see nothing rather than a broken box; whoever can fix it sees why.
		return current_user_can('edit_posts') ? fachkraefte_render_errors([fachkraefte_t('not_configured', $lang)], $lang, false) : '';
	}
	fachkraefte_use_assets();

	$widget = $checked['widget'];
	$html = '<fk-' . $widget . ' api="' . esc_url($settings['api_base'], ['http', 'https']) . '"';
	foreach ($checked['element'] as $name => $value) {
		// Names come from the allow-list, so they are safe as they are; values are escaped.
		$html .= $value === true ? ' ' . $name : ' ' . $name . '="' . esc_attr($value) . '"';
	}
	$html .= '>';
	[$href, $text] = fachkraefte_fallback($widget, $checked['element'], $checked['plugin'], $settings['api_base'], $lang);
	$html .= '<p><a href="' . esc_url($href, ['http', 'https']) . '">' . esc_html($text) . '</a></p>';
	return $html . '</fk-' . $widget . '>';
}

/**
 * The fallback link: the author's `fallback` (and `fallback-text`), else the data behind the
 * widget – the iCalendar file, the members' GeoJSON, the alliance data.
 *
 * @param array<string, string|true> $element
 * @param array<string, string> $plugin
 * @return array{0: string, 1: string}
 */
function fachkraefte_fallback(string $widget, array $element, array $plugin, string $api, string $lang): array {
	$slugs = isset($element['alliance']) && is_string($element['alliance']) ? explode(' ', $element['alliance']) : [];
	switch ($widget) {
		case 'event-calendar':
			$href = $api . '/events.ics' . ($slugs ? '?alliance=' . rawurlencode(implode(',', $slugs)) : '');
			$text = fachkraefte_t('fallback_calendar', $lang);
			break;
		case 'member-map':
			$href = $api . '/alliances/' . rawurlencode($slugs[0] ?? '') . '/members.geojson';
			$text = fachkraefte_t('fallback_map', $lang);
			break;
		default:
			$href = $api . '/alliances' . ($slugs ? '/' . rawurlencode($slugs[0]) : '');
			$text = fachkraefte_t($slugs ? 'fallback_profile' : 'fallback_directory', $lang);
	}
	return [$plugin['fallback'] ?? $href, $plugin['fallback-text'] ?? $text];
}

/**
 * A visible message instead of the widget: an empty box would leave the author guessing.
 *
 * @param string[] $errors
 */
function fachkraefte_render_errors(array $errors, string $lang, bool $prefix = true): string {
	$html = '<div class="fachkraefte-error" role="note" lang="' . esc_attr($lang) . '"><p>';
	if ($prefix) {
		$html .= '<strong>' . esc_html(fachkraefte_t('error_prefix', $lang)) . '</strong> ';
	}
	$html .= implode(' ', array_map('esc_html', $errors));
	return $html . '</p></div>';
}
