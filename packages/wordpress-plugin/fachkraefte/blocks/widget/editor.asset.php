<?php
// Read by register_block_type() for editor.js: its dependencies (hand-written, no build step).
return [
	'dependencies' => ['wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components'],
	'version'      => '0.1.0',
];
