<?php
// wp-config.php of the test site, written by test/wordpress.ts: a fresh MariaDB database on a
// private socket, a private wp-content, debug log on, and no request to any outside host.
define('DB_NAME', '{{DB_NAME}}');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:{{DB_SOCKET}}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
{{SALTS}}
define('WP_HOME', '{{URL}}');
define('WP_SITEURL', '{{URL}}');
// A German site, as the plugin's users run; no language pack needed for the locale itself.
define('WPLANG', 'de_DE');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '{{DEBUG_LOG}}');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
if (!defined('ABSPATH')) {
	define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
