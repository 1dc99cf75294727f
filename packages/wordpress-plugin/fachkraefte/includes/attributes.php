<?php
/**
 * The attributes the shortcode and the block accept: an allow-list per widget (from the widgets'
 * `static properties` and docs/widgets.md), each with a type that its value is checked against.
 * A value that fails is refused with a message naming the attribute, never passed on.
 *
 * Left out on purpose: `api` (the API host is the operator's choice, made in the settings; an
 * author must not make visitors' browsers call another host) and free `tiles` hosts (only `none`
 * or a template on this site's, the API's or the CDN's host, for the same reason).
 *
 * @package Fachkraefte
 */

declare(strict_types=1);

if (!defined('ABSPATH')) {
	exit;
}

/** Widget name → element attribute → type. */
const FACHKRAEFTE_WIDGET_ATTRIBUTES = [
	'alliance-directory' => [
		'alliance'      => 'slug',
		'history'       => 'bool',
		'json-ld'       => 'bool',
		'heading-level' => 'int:1:6',
		'page-size'     => 'int:1:1000',
	],
	'event-calendar'     => [
		'alliance'      => 'slugs',
		'view'          => 'enum:month|list',
		'month'         => 'month',
		'time-zone'     => 'tz',
		'history'       => 'bool',
		'json-ld'       => 'bool',
		'heading-level' => 'int:2:6',
	],
	'member-map'         => [
		'alliance'          => 'slugs',
		'tiles'             => 'tiles',
		'tiles-attribution' => 'text',
		'remember-consent'  => 'enum:session|local',
		'page-size'         => 'int:1:1000',
	],
];

/** Attributes every widget takes. */
const FACHKRAEFTE_COMMON_ATTRIBUTES = [
	'lang'  => 'enum:de|en',
	'theme' => 'enum:auto|light|dark',
];

/** The plugin's own attributes: they shape the fallback link, not the element. */
const FACHKRAEFTE_PLUGIN_ATTRIBUTES = [
	'fallback'      => 'url',
	'fallback-text' => 'text',
];

/** Attributes a widget cannot work without. */
const FACHKRAEFTE_REQUIRED = [
	'member-map' => ['alliance'],
];

const FACHKRAEFTE_SLUG = '/^[a-z0-9]+(?:-[a-z0-9]+)*$/';

/**
 * Shortcode attributes as WordPress parses them → name => value. A bare word (`history`) arrives
 * under a numeric key; it is a switch that is on. Names are lower-cased by WordPress already.
 *
 * @param array<int|string, string> $atts
 * @return array<string, string|true>
 */
function fachkraefte_normalise_shortcode_atts(array $atts): array {
	$out = [];
	foreach ($atts as $key => $value) {
		if (is_int($key)) {
			$out[strtolower(trim((string) $value))] = true;
		} else {
			$out[strtolower($key)] = (string) $value;
		}
	}
	return $out;
}

/**
 * Checks attributes against the allow-list of their widget.
 *
 * @param array<string, string|bool|int> $atts name => value (`true` for a bare switch)
 * @return array{widget: string, element: array<string, string|true>, plugin: array<string, string>, errors: string[]}
 *   `element`: the checked element attributes (`true` = boolean attribute present); `errors`: messages in `$lang`.
 */
function fachkraefte_check_attributes(array $atts, string $lang): array {
	$result = ['widget' => '', 'element' => [], 'plugin' => [], 'errors' => []];
	$widget = $atts['widget'] ?? '';
	if (!is_string($widget) || !isset(FACHKRAEFTE_WIDGET_ATTRIBUTES[$widget])) {
		$result['errors'][] = fachkraefte_t('err_widget', $lang);
		return $result;
	}
	$result['widget'] = $widget;
	$allowed = FACHKRAEFTE_WIDGET_ATTRIBUTES[$widget] + FACHKRAEFTE_COMMON_ATTRIBUTES;
	foreach ($atts as $name => $value) {
		$name = (string) $name;
		if ($name === 'widget') {
			continue;
		}
		if (isset(FACHKRAEFTE_PLUGIN_ATTRIBUTES[$name])) {
			$checked = fachkraefte_check_value($name, FACHKRAEFTE_PLUGIN_ATTRIBUTES[$name], $value, $lang);
		} elseif (isset($allowed[$name])) {
			$checked = fachkraefte_check_value($name, $allowed[$name], $value, $lang);
		} else {
			// Named without echoing anything else the author wrote; esc_html happens at output.
			$result['errors'][] = fachkraefte_t('err_unknown', $lang, substr(preg_replace('/[^a-z0-9_-]/', '?', $name) ?? '?', 0, 40));
			continue;
		}
		if ($checked['error'] !== null) {
			$result['errors'][] = $checked['error'];
		} elseif ($checked['value'] !== null) {
			if (isset(FACHKRAEFTE_PLUGIN_ATTRIBUTES[$name])) {
				$result['plugin'][$name] = (string) $checked['value'];
			} else {
				$result['element'][$name] = $checked['value'];
			}
		}
	}
	foreach (FACHKRAEFTE_REQUIRED[$widget] ?? [] as $name) {
		if (!isset($result['element'][$name]) && !array_filter($result['errors'], static fn(string $e): bool => str_contains($e, "„{$name}“") || str_contains($e, "“{$name}”"))) {
			$result['errors'][] = fachkraefte_t('err_required', $lang, $name);
		}
	}
	return $result;
}

/**
 * One value against its type.
 *
 * @param string|bool|int $value
 * @return array{value: string|true|null, error: string|null} `value` null: leave the attribute out.
 */
function fachkraefte_check_value(string $name, string $type, $value, string $lang): array {
	$ok = static fn($v): array => ['value' => $v, 'error' => null];
	$fail = static fn(string $key, string|int ...$args): array => ['value' => null, 'error' => fachkraefte_t($key, $lang, $name, ...$args)];
	if ($type === 'bool') {
		if ($value === true || $value === 1) {
			return $ok(true);
		}
		$v = strtolower(trim((string) $value));
		if (in_array($v, ['', '1', 'true', 'yes', 'ja', $name], true)) {
			return $ok(true);
		}
		if (in_array($v, ['0', 'false', 'no', 'nein'], true)) {
			return $ok(null);
		}
		return $fail('err_bool');
	}
	if ($value === true) {
		// A bare word where a value is needed; `remember-consent` alone means the session.
		return $name === 'remember-consent' ? $ok('session') : $fail('err_' . (str_starts_with($type, 'enum') ? 'enum' : 'text'), ...(str_starts_with($type, 'enum') ? [str_replace('|', ', ', substr($type, 5))] : []));
	}
	$v = trim((string) $value);
	if ($v === '') {
		return $ok(null);
	}
	if (str_starts_with($type, 'enum:')) {
		$options = explode('|', substr($type, 5));
		return in_array($v, $options, true) ? $ok($v) : $fail('err_enum', implode(', ', $options));
	}
	if (str_starts_with($type, 'int:')) {
		[, $min, $max] = explode(':', $type);
		if (preg_match('/^\d{1,6}$/', $v) && (int) $v >= (int) $min && (int) $v <= (int) $max) {
			return $ok((string) (int) $v);
		}
		return $fail('err_int', (int) $min, (int) $max);
	}
	switch ($type) {
		case 'slug':
			return strlen($v) <= 200 && preg_match(FACHKRAEFTE_SLUG, $v) ? $ok($v) : $fail('err_slug');
		case 'slugs':
			$parts = preg_split('/[\s,]+/', $v, -1, PREG_SPLIT_NO_EMPTY) ?: [];
			if (!$parts || count($parts) > 50) {
				return $fail('err_slugs');
			}
			foreach ($parts as $part) {
				if (strlen($part) > 200 || !preg_match(FACHKRAEFTE_SLUG, $part)) {
					return $fail('err_slugs');
				}
			}
			return $ok(implode(' ', $parts));
		case 'month':
			return preg_match('/^\d{4}-(0[1-9]|1[0-2])$/', $v) ? $ok($v) : $fail('err_month');
		case 'tz':
			return in_array($v, timezone_identifiers_list(), true) ? $ok($v) : $fail('err_tz');
		case 'text':
			// Bytes, not characters: PHP's mbstring is not always installed. preg_match with /u fails on
			// invalid UTF-8.
			return strlen($v) <= 600 && preg_match('/^[^\x00-\x1f\x7f]*$/u', $v) === 1 ? $ok($v) : $fail('err_text');
		case 'url':
			return fachkraefte_http_url($v) !== null ? $ok(fachkraefte_http_url($v)) : $fail('err_url');
		case 'tiles':
			return fachkraefte_check_tiles($v) ? $ok($v) : $fail('err_tiles');
	}
	return $fail('err_text');
}

/** `$url` if it is an absolute http(s) URL with a host and no spaces or quotes, else null. */
function fachkraefte_http_url(string $url): ?string {
	if (strlen($url) > 2000 || preg_match('/[\s"\'<>\\\\`]/', $url)) {
		return null;
	}
	$parts = wp_parse_url($url);
	if (!is_array($parts) || !in_array(strtolower($parts['scheme'] ?? ''), ['http', 'https'], true) || empty($parts['host'])) {
		return null;
	}
	return $url;
}

/** `none`, or an XYZ/WMTS template on the site's, the API's or the CDN's host. */
function fachkraefte_check_tiles(string $v): bool {
	if ($v === 'none') {
		return true;
	}
	$xyz = str_contains($v, '{z}') && str_contains($v, '{x}') && str_contains($v, '{y}');
	$wmts = str_contains($v, '{TileMatrix}') && str_contains($v, '{TileRow}') && str_contains($v, '{TileCol}');
	if (!$xyz && !$wmts) {
		return false;
	}
	// The placeholders are the only braces allowed; the rest must be a plain http(s) URL.
	$plain = preg_replace('/\{(?:z|x|y|s|TileMatrix|TileRow|TileCol)\}/', '0', $v) ?? '';
	if (str_contains($plain, '{') || str_contains($plain, '}') || fachkraefte_http_url($plain) === null) {
		return false;
	}
	$settings = fachkraefte_settings();
	$hosts = array_filter([
		wp_parse_url(home_url(), PHP_URL_HOST),
		wp_parse_url($settings['api_base'], PHP_URL_HOST),
		wp_parse_url($settings['cdn_url'], PHP_URL_HOST),
	]);
	return in_array(strtolower((string) wp_parse_url($plain, PHP_URL_HOST)), array_map('strtolower', $hosts), true);
}
