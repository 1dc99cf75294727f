<?php
// Installs the test site as an administrator would, then writes posts as their authors would.
// Usage: php setup.php <wordpress dir> <plugin zip>. Prints one JSON object with the ids.
declare(strict_types=1);

[, $root, $zip] = $argv;
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url((string) getenv('FK_WP_URL'), PHP_URL_HOST) . ':' . parse_url((string) getenv('FK_WP_URL'), PHP_URL_PORT);
require $root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$out = [];
$install = wp_install('Landkreis Beispiel', 'admin', 'admin@example.invalid', false, '', 'admin-password-' . getenv('FK_WP_SECRET'), 'de_DE');
$admin_id = (int) $install['user_id'];
switch_theme('twentytwentythree');

// The release zip, unpacked by WordPress's own unzip_file() (ZipArchive, else PclZip).
WP_Filesystem();
$unzipped = unzip_file($zip, WP_PLUGIN_DIR);
if (is_wp_error($unzipped)) {
	fwrite(STDERR, 'unzip_file: ' . $unzipped->get_error_message() . "\n");
	exit(1);
}
$activated = activate_plugin('fachkraefte/fachkraefte.php');
if (is_wp_error($activated)) {
	fwrite(STDERR, 'activate_plugin: ' . $activated->get_error_message() . "\n");
	exit(1);
}

$password = 'pw-' . getenv('FK_WP_SECRET');
foreach (['author', 'contributor', 'editor'] as $role) {
	$out['users'][$role] = wp_insert_user(['user_login' => $role, 'user_pass' => $password, 'user_email' => "$role@example.invalid", 'role' => $role]);
}

/** Saves a post as $user_id would through the editor: kses applies unless the user has unfiltered_html. */
function fk_post_as(int $user_id, string $title, string $content, string $status = 'publish'): array {
	wp_set_current_user($user_id); // fires set_current_user → kses_init() for this user
	$id = wp_insert_post(['post_title' => wp_slash($title), 'post_content' => wp_slash($content), 'post_status' => $status, 'post_author' => $user_id], true);
	if (is_wp_error($id)) {
		fwrite(STDERR, $id->get_error_message() . "\n");
		exit(1);
	}
	return ['id' => $id, 'saved' => get_post($id)->post_content];
}

$author = (int) $out['users']['author'];
$contributor = (int) $out['users']['contributor'];
$slug = getenv('FK_ALLIANCE');
$posts = json_decode((string) getenv('FK_POSTS'), true, 512, JSON_THROW_ON_ERROR);
foreach ($posts as $key => $post) {
	$user = ['author' => $author, 'contributor' => $contributor, 'admin' => $admin_id][$post['as']];
	$out['posts'][$key] = fk_post_as($user, $post['title'], $post['content'], $post['as'] === 'contributor' ? 'pending' : 'publish');
}
// A contributor's post goes live when an editor publishes it; its content stays as kses left it.
wp_set_current_user($admin_id);
foreach ($out['posts'] as $key => $post) {
	if (get_post_status($post['id']) === 'pending') {
		wp_publish_post($post['id']);
	}
}

// The WordPress facts docs/widgets.md states, read from this WordPress (single site).
$caps = [];
foreach (['administrator' => $admin_id, 'editor' => (int) $out['users']['editor'], 'author' => $author, 'contributor' => $contributor] as $role => $id) {
	$caps[$role] = user_can($id, 'unfiltered_html');
}
$out['unfiltered_html'] = $caps;
$out['kses_post_iframe'] = wp_kses_post('<iframe src="https://www.example.de/embed/alliance-directory.html" title="Allianzen"></iframe>');
$out['wp_version'] = get_bloginfo('version');
echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
