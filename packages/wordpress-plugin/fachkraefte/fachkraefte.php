<?php
/**
 * Plugin Name:       Fachkräfteallianzen-Widgets
 * Plugin URI:        https://github.com/fachkraefte/fachkraefte
 * Description:       Verzeichnis, Terminkalender und Mitgliederkarte der Fachkräfteallianzen als Shortcode [fachkraefte] und Block – auch für Autorinnen und Autoren ohne „unfiltered_html“.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.2
 * Author:            Fachkräfte-Projekt
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       fachkraefte
 *
 * @package Fachkraefte
 */

declare(strict_types=1);

if (!defined('ABSPATH')) {
	exit;
}

const FACHKRAEFTE_VERSION = '0.1.0';
const FACHKRAEFTE_OPTION = 'fachkraefte_settings';

require_once __DIR__ . '/includes/i18n.php';
require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/block.php';

add_action('init', 'fachkraefte_register_shortcode');
add_action('init', 'fachkraefte_register_block');
add_action('admin_init', 'fachkraefte_register_settings');
add_action('admin_menu', 'fachkraefte_add_settings_page');
add_filter('plugin_action_links_' . plugin_basename(__FILE__), 'fachkraefte_action_links');

/**
 * `[fachkraefte widget="…" alliance="…"]`. Shortcodes are expanded when the post is shown, after
 * kses has filtered what the author saved, so the element and the script reach the page for
 * Authors and Contributors too – but only in the shape this plugin writes, with checked values.
 */
function fachkraefte_register_shortcode(): void {
	add_shortcode('fachkraefte', 'fachkraefte_shortcode');
}

/**
 * @param array<int|string, string>|string $atts Attributes as WordPress parsed them ('' when none).
 */
function fachkraefte_shortcode($atts): string {
	return fachkraefte_render(fachkraefte_normalise_shortcode_atts(is_array($atts) ? $atts : []));
}

/**
 * @param string[] $links
 * @return string[]
 */
function fachkraefte_action_links(array $links): array {
	$url = admin_url('options-general.php?page=fachkraefte');
	array_unshift($links, '<a href="' . esc_url($url) . '">' . esc_html(fachkraefte_t('settings_link')) . '</a>');
	return $links;
}
