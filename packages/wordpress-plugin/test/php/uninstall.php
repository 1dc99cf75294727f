<?php
// Deactivates and uninstalls the plugin the way Plugins → Delete does, then reports what is left.
declare(strict_types=1);

[, $root] = $argv;
$_SERVER['HTTP_HOST'] = parse_url((string) getenv('FK_WP_URL'), PHP_URL_HOST) . ':' . parse_url((string) getenv('FK_WP_URL'), PHP_URL_PORT);
require $root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
$before = get_option('fachkraefte_settings', null);
deactivate_plugins('fachkraefte/fachkraefte.php');
uninstall_plugin('fachkraefte/fachkraefte.php');
wp_cache_flush();
echo json_encode(['before' => $before, 'after' => get_option('fachkraefte_settings', null)]);
