/*
 * The block's editor UI, written by hand against WordPress's globals (no JSX, no build step).
 * The block is dynamic: it saves only its attributes, and PHP renders it with the shortcode's
 * function, so the same checks and escaping apply. In the editor it shows a summary card and
 * the controls; the alliances are offered by name from the configured API.
 */
(function (wp, config) {
	'use strict';
	var el = wp.element.createElement;
	var useState = wp.element.useState;
	var useEffect = wp.element.useEffect;
	var be = wp.blockEditor;
	var c = wp.components;
	var t = (config && config.texts) || {};

	/** The alliances as [{label, value}] from GET {api}/alliances, or null while loading / unreachable. */
	function useAlliances() {
		var state = useState(null);
		useEffect(function () {
			if (!config || !config.api) return;
			var done = false;
			fetch(config.api + '/alliances?limit=200', { headers: { Accept: 'application/json' } })
				.then(function (r) { return r.ok ? r.json() : null; })
				.then(function (page) {
					if (done || !page || !Array.isArray(page.items)) return;
					state[1](page.items.map(function (a) { return { label: a.name, value: a.slug }; }));
				})
				.catch(function () { /* the text field below stays usable */ });
			return function () { done = true; };
		}, []);
		return state[0];
	}

	function Edit(props) {
		var a = props.attributes;
		var set = props.setAttributes;
		var alliances = useAlliances();
		var widgetLabel = { 'alliance-directory': t.directory, 'event-calendar': t.calendar, 'member-map': t.map }[a.widget];
		var allianceName = a.alliance;
		if (alliances) {
			var found = alliances.filter(function (o) { return o.value === a.alliance; })[0];
			if (found) allianceName = found.label;
		}
		var allianceControl = alliances
			? el(c.SelectControl, {
				label: t.alliance, value: a.alliance,
				options: [{ label: a.widget === 'member-map' ? t.choose : t.all, value: '' }].concat(alliances),
				onChange: function (v) { set({ alliance: v }); },
			})
			: el(c.TextControl, {
				label: t.allianceSlug, value: a.alliance, help: t.allianceHelp,
				onChange: function (v) { set({ alliance: v.trim() }); },
			});
		var controls = [
			el(c.SelectControl, {
				key: 'widget', label: t.widget, value: a.widget,
				options: [
					{ label: t.directory, value: 'alliance-directory' },
					{ label: t.calendar, value: 'event-calendar' },
					{ label: t.map, value: 'member-map' },
				],
				onChange: function (v) { set({ widget: v, view: '', tiles: '', history: false }); },
			}),
			el('div', { key: 'alliance' }, allianceControl),
			el(c.SelectControl, {
				key: 'lang', label: t.lang, value: a.lang,
				options: [{ label: t.pageLang, value: '' }, { label: 'Deutsch', value: 'de' }, { label: 'English', value: 'en' }],
				onChange: function (v) { set({ lang: v }); },
			}),
			el(c.SelectControl, {
				key: 'theme', label: t.theme, value: a.theme,
				options: [{ label: t.themeAuto, value: '' }, { label: t.themeLight, value: 'light' }, { label: t.themeDark, value: 'dark' }],
				onChange: function (v) { set({ theme: v }); },
			}),
		];
		if (a.widget === 'event-calendar') {
			controls.push(el(c.SelectControl, {
				key: 'view', label: t.view, value: a.view,
				options: [{ label: t.viewAuto, value: '' }, { label: t.viewMonth, value: 'month' }, { label: t.viewList, value: 'list' }],
				onChange: function (v) { set({ view: v }); },
			}));
		}
		if (a.widget === 'member-map') {
			controls.push(el(c.ToggleControl, {
				key: 'tiles', label: t.noTiles, help: t.noTilesHelp, checked: a.tiles === 'none',
				onChange: function (v) { set({ tiles: v ? 'none' : '' }); },
			}));
		} else {
			controls.push(el(c.SelectControl, {
				key: 'heading', label: t.heading, value: a.headingLevel,
				options: [{ label: t.headingDefault, value: '' }].concat(['1', '2', '3', '4', '5', '6']
					.filter(function (n) { return a.widget === 'alliance-directory' || n !== '1'; })
					.map(function (n) { return { label: 'H' + n, value: n }; })),
				onChange: function (v) { set({ headingLevel: v }); },
			}));
			controls.push(el(c.ToggleControl, {
				key: 'history', label: t.history, help: t.historyHelp, checked: a.history,
				onChange: function (v) { set({ history: v }); },
			}));
		}
		controls.push(el(c.TextControl, {
			key: 'fallback', label: t.fallback, help: t.fallbackHelp, type: 'url', value: a.fallback,
			onChange: function (v) { set({ fallback: v.trim() }); },
		}));

		var summary = allianceName ? widgetLabel + ' – ' + allianceName : widgetLabel + ' – ' + (a.widget === 'member-map' ? t.choose : t.all);
		return el('div', be.useBlockProps(),
			el(be.InspectorControls, null, el(c.PanelBody, { title: t.settings, initialOpen: true }, controls)),
			el(c.Placeholder, { icon: 'groups', label: t.title, instructions: summary },
				el('div', { style: { width: '100%' } }, controls.slice(0, 2)),
				el('p', null, t.preview)));
	}

	wp.blocks.registerBlockType('fachkraefte/widget', {
		title: t.title || 'Fachkräfte-Widget',
		edit: Edit,
		save: function () { return null; },
	});
})(window.wp, window.fachkraefteEditor);
