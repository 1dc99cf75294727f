<?php
/**
 * Settings → Fachkräfte-Widgets: the API base and the CDN folder, through the Settings API
 * (capability `manage_options`; `settings_fields()` writes the nonce that options.php checks).
 *
 * @package Fachkraefte
 */

declare(strict_types=1);

if (!defined('ABSPATH')) {
	exit;
}

function fachkraefte_register_settings(): void {
	register_setting('fachkraefte', FACHKRAEFTE_OPTION, [
		'type'              => 'array',
		'sanitize_callback' => 'fachkraefte_sanitize_settings',
		'default'           => ['api_base' => '', 'cdn_url' => ''],
		'show_in_rest'      => false,
	]);
	add_settings_section('fachkraefte_main', '', 'fachkraefte_settings_intro', 'fachkraefte');
	add_settings_field('fachkraefte_api_base', fachkraefte_t('api_label'), 'fachkraefte_field', 'fachkraefte', 'fachkraefte_main', ['key' => 'api_base', 'help' => 'api_help', 'label_for' => 'fachkraefte_api_base']);
	add_settings_field('fachkraefte_cdn_url', fachkraefte_t('cdn_label'), 'fachkraefte_field', 'fachkraefte', 'fachkraefte_main', ['key' => 'cdn_url', 'help' => 'cdn_help', 'label_for' => 'fachkraefte_cdn_url']);
}

function fachkraefte_add_settings_page(): void {
	add_options_page(fachkraefte_t('settings_title'), fachkraefte_t('settings_menu'), 'manage_options', 'fachkraefte', 'fachkraefte_settings_page');
}

function fachkraefte_settings_intro(): void {
	echo '<p>' . esc_html(fachkraefte_t('settings_intro')) . '</p>';
}

/** @param array{key: string, help: string, label_for: string} $args */
function fachkraefte_field(array $args): void {
	$value = fachkraefte_settings()[$args['key']];
	printf(
		'<input type="url" class="regular-text code" id="%1$s" name="%2$s[%3$s]" value="%4$s" aria-describedby="%1$s-help" inputmode="url" autocomplete="url" spellcheck="false"><p class="description" id="%1$s-help">%5$s</p>',
		esc_attr($args['label_for']),
		esc_attr(FACHKRAEFTE_OPTION),
		esc_attr($args['key']),
		esc_attr($value),
		esc_html(fachkraefte_t($args['help']))
	);
}

/**
 * Keeps only absolute http(s) URLs, without a trailing slash on the API base; a bad value is
 * reported on the page and the previous one kept.
 *
 * @param mixed $input
 * @return array{api_base: string, cdn_url: string}
 */
function fachkraefte_sanitize_settings($input): array {
	$old = fachkraefte_settings();
	$input = is_array($input) ? $input : [];
	$out = $old;
	foreach (['api_base' => 'api_label', 'cdn_url' => 'cdn_label'] as $key => $label) {
		$raw = trim(is_string($input[$key] ?? null) ? wp_unslash($input[$key]) : '');
		if ($raw === '') {
			$out[$key] = '';
			continue;
		}
		if ($key === 'cdn_url') {
			// The folder, also when someone pastes the script's own address.
			$raw = preg_replace('#/fk\.js$#', '/', $raw) ?? $raw;
		}
		$url = fachkraefte_http_url($raw);
		if ($url === null) {
			add_settings_error(FACHKRAEFTE_OPTION, "fachkraefte_{$key}", fachkraefte_t('invalid_url', null, fachkraefte_t($label)));
			continue;
		}
		$out[$key] = $key === 'api_base' ? untrailingslashit($url) : trailingslashit($url);
	}
	return $out;
}

function fachkraefte_settings_page(): void {
	if (!current_user_can('manage_options')) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html(fachkraefte_t('settings_title')) . '</h1>';
	echo '<form action="' . esc_url(admin_url('options.php')) . '" method="post">';
	settings_fields('fachkraefte');
	do_settings_sections('fachkraefte');
	submit_button();
	echo '</form>';
	echo '<h2>' . esc_html(fachkraefte_t('usage_title')) . '</h2><p>' . esc_html(fachkraefte_t('usage_text')) . '</p>';
	echo '<pre><code>[fachkraefte widget="alliance-directory"]' . "\n"
		. '[fachkraefte widget="event-calendar" alliance="fachkraefteallianz-suedwest" view="list"]' . "\n"
		. '[fachkraefte widget="member-map" alliance="fachkraefteallianz-suedwest" tiles="none"]</code></pre>';
	echo '</div>';
}
