<?php
/**
 * The autoloader `fk.js` as a module script, and `fk.css` (the widgets' reserved space), loaded
 * from the configured CDN folder only on pages that show a widget. No inline script: the page
 * keeps working under a strict Content-Security-Policy.
 *
 * @package Fachkraefte
 */

declare(strict_types=1);

if (!defined('ABSPATH')) {
	exit;
}

/** @return array{api_base: string, cdn_url: string} */
function fachkraefte_settings(): array {
	$saved = get_option(FACHKRAEFTE_OPTION, []);
	$saved = is_array($saved) ? $saved : [];
	return [
		'api_base' => is_string($saved['api_base'] ?? null) ? $saved['api_base'] : '',
		'cdn_url'  => is_string($saved['cdn_url'] ?? null) ? $saved['cdn_url'] : '',
	];
}

/**
 * Called while a widget is rendered. In a block theme that happens before `wp_head`, in a classic
 * theme after it: both enqueue calls work then, WordPress prints late assets in the footer.
 */
function fachkraefte_use_assets(): void {
	$cdn = trailingslashit(fachkraefte_settings()['cdn_url']);
	if (!wp_style_is('fachkraefte', 'enqueued')) {
		wp_enqueue_style('fachkraefte', $cdn . 'fk.css', [], null);
	}
	if (function_exists('wp_enqueue_script_module')) {
		// WordPress 6.5 and later: the native module-script API.
		wp_enqueue_script_module('fachkraefte', $cdn . 'fk.js', [], null);
		return;
	}
	if (!wp_script_is('fachkraefte', 'enqueued')) {
		wp_enqueue_script('fachkraefte', $cdn . 'fk.js', [], null, true);
	}
}

add_filter('script_loader_tag', 'fachkraefte_module_tag', 10, 3);

/**
 * WordPress before 6.5 prints classic scripts only: the tag of this handle is written anew with
 * `type="module"` (fk.js uses `import`, and a module runs deferred and once).
 */
function fachkraefte_module_tag(string $tag, string $handle, string $src): string {
	if ($handle !== 'fachkraefte') {
		return $tag;
	}
	return '<script type="module" src="' . esc_url($src, ['http', 'https']) . '" id="fachkraefte-js"></script>' . "\n";
}
