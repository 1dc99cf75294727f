<?php
// Switches the test site's theme: php theme.php <wordpress dir> <stylesheet>. Prints the active one.
declare(strict_types=1);

[, $root, $theme] = $argv;
$_SERVER['HTTP_HOST'] = parse_url((string) getenv('FK_WP_URL'), PHP_URL_HOST) . ':' . parse_url((string) getenv('FK_WP_URL'), PHP_URL_PORT);
require $root . '/wp-load.php';
switch_theme($theme);
echo get_stylesheet();
