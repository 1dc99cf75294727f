<?php
// Switches the test site's theme: php theme.php <wordpress dir> <stylesheet>. Prints the active one.
// The argument is kept in $fk_stylesheet: wp-settings.php uses (and unsets) a global $theme.
declare(strict_types=1);

[, $fk_root, $fk_stylesheet] = $argv;
$_SERVER['HTTP_HOST'] = parse_url((string) getenv('FK_WP_URL'), PHP_URL_HOST) . ':' . parse_url((string) getenv('FK_WP_URL'), PHP_URL_PORT);
require $fk_root . '/wp-load.php';
switch_theme($fk_stylesheet);
echo get_stylesheet();
