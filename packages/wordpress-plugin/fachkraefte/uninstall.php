<?php
/**
 * Removes what the plugin stored: its one option (on every site of a multisite network).
 *
 * @package Fachkraefte
 */

declare(strict_types=1);

if (!defined('WP_UNINSTALL_PLUGIN')) {
	exit;
}

if (is_multisite()) {
	foreach (get_sites(['fields' => 'ids', 'number' => 0]) as $site_id) {
		switch_to_blog((int) $site_id);
		delete_option('fachkraefte_settings');
		restore_current_blog();
	}
} else {
	delete_option('fachkraefte_settings');
}
