// The history viewer: plain browser JavaScript against the service's own API, no build step and
// nothing fetched from elsewhere. Text from the service is only ever set as textContent.
'use strict';

(function () {
    const TOKEN_KEY = 'characters.viewer.token';
    const PAGE_SIZE = 100;          // the largest page the API gives; one page of versions is charted
    const PARALLEL_READS = 4;       // version states read at once
    const SVG = 'http://www.w3.org/2000/svg';

    const $ = (id) => document.getElementById(id);
    const state = {
        token: sessionStorage.getItem(TOKEN_KEY),
        characterId: null,
        versions: [],               // oldest first
        states: new Map(),          // version -> the character as at that version
    };

    // ---- talking to the service -----------------------------------------------------------------

    class Problem extends Error {
        constructor(status, body) {
            super((body && (body.detail || body.title)) || ('the service answered ' + status));
            this.status = status;
            this.requestId = body && body.requestId;
        }
    }

    async function call(method, path, body) {
        const headers = { 'Accept': 'application/json' };
        if (state.token) {
            headers['Authorization'] = 'Bearer ' + state.token;
        }
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        const response = await fetch(path, {
            method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        const json = text ? JSON.parse(text) : null;
        if (!response.ok) {
            if (response.status === 401 && state.token && method === 'GET') {
                forgetToken();
            }
            throw new Problem(response.status, json);
        }
        return json;
    }

    function forgetToken() {
        state.token = null;
        sessionStorage.removeItem(TOKEN_KEY);
        showAccount(null);
    }

    function say(message, isError) {
        const status = $('status');
        status.textContent = message || '';
        status.classList.toggle('error', !!isError);
    }

    function fail(error) {
        const suffix = error.requestId ? ' (request ' + error.requestId + ')' : '';
        say(error.message + suffix, true);
    }

    // ---- signing in -----------------------------------------------------------------------------

    async function signIn(event) {
        event.preventDefault();
        say('Signing in…');
        try {
            const session = await call('POST', '/api/v1/sessions',
                { login: $('login').value.trim(), password: $('password').value });
            state.token = session.token;
            sessionStorage.setItem(TOKEN_KEY, session.token);
            $('password').value = '';
            say('');
            await route();
        } catch (error) {
            fail(error);
        }
    }

    async function signOut() {
        try {
            await call('DELETE', '/api/v1/sessions/current');
        } catch (ignored) {
            // the token may be dead already; signing out locally is what counts
        }
        forgetToken();
        navigate('/viewer');
    }

    async function showAccount(known) {
        let me = known;
        if (me === undefined && state.token) {
            try {
                me = await call('GET', '/api/v1/users/me');
            } catch (error) {
                me = null;
            }
        }
        $('who').textContent = me ? 'Signed in as ' + me.username : '';
        $('sign-out').hidden = !me;
        $('sign-in-panel').hidden = !!me;
        return me;
    }

    // ---- picking a character --------------------------------------------------------------------

    async function showPicker() {
        $('character-panel').hidden = true;
        $('pick-panel').hidden = false;
        const signedIn = !!(await showAccount());
        $('mine-box').hidden = !signedIn;
        try {
            const lists = [call('GET', '/api/v1/public/characters?size=' + PAGE_SIZE)];
            if (signedIn) {
                lists.push(call('GET', '/api/v1/characters?size=' + PAGE_SIZE));
            }
            const [publicPage, minePage] = await Promise.all(lists);
            fillList($('public'), publicPage.items, 'No public characters yet.');
            if (minePage) {
                fillList($('mine'), minePage.items, 'You have no characters yet.');
            }
            say('');
        } catch (error) {
            fail(error);
        }
    }

    function fillList(list, characters, emptyText) {
        list.replaceChildren();
        if (characters.length === 0) {
            const empty = document.createElement('li');
            empty.className = 'empty';
            empty.textContent = emptyText;
            list.append(empty);
        }
        for (const character of characters) {
            const item = document.createElement('li');
            const link = document.createElement('a');
            link.href = '/viewer/characters/' + character.id;
            link.dataset.characterId = character.id;
            const name = document.createElement('strong');
            name.textContent = character.name;
            const sub = document.createElement('div');
            sub.className = 'sub';
            sub.textContent = describe(character) + ' · version ' + character.version;
            link.append(name, sub);
            link.addEventListener('click', (event) => {
                event.preventDefault();
                navigate(link.getAttribute('href'));
            });
            item.append(link);
            list.append(item);
        }
    }

    function describe(character) {
        return 'level ' + character.level + ' ' + words(character.race) + ' ' + words(character.characterClass)
            + (character.status === 'RETIRED' ? ' (retired)' : '');
    }

    function words(enumValue) {
        return String(enumValue || '').toLowerCase().replace(/_/g, '-');
    }

    // ---- one character --------------------------------------------------------------------------

    async function showCharacter(id) {
        $('pick-panel').hidden = true;
        $('character-panel').hidden = false;
        $('diff-panel').hidden = true;
        $('chart').replaceChildren();
        $('timeline').tBodies[0].replaceChildren();
        state.characterId = id;
        state.states = new Map();
        showAccount();
        say('Loading…');
        try {
            const [character, page] = await Promise.all([
                call('GET', '/api/v1/characters/' + encodeURIComponent(id)),
                call('GET', '/api/v1/characters/' + encodeURIComponent(id) + '/versions?size=' + PAGE_SIZE),
            ]);
            if (state.characterId !== id) {
                return;
            }
            $('character-title').textContent = character.name;
            $('character-meta').textContent = describe(character) + ' · ' + words(character.visibility)
                + ' · ' + page.total + ' version' + (page.total === 1 ? '' : 's');
            document.title = character.name + ' – character history';
            state.versions = page.items.slice().reverse();
            $('timeline-note').textContent = page.total > page.items.length
                ? 'Showing the latest ' + page.items.length + ' of ' + page.total + ' versions.' : '';
            fillTimeline();
            say('');
            await readStates(id);
        } catch (error) {
            if (error.status === 404 && !state.token) {
                $('sign-in-panel').hidden = false;
                say('No such public character: sign in to see your own.', true);
            } else {
                fail(error);
            }
        }
    }

    function fillTimeline() {
        const body = $('timeline').tBodies[0];
        const newestFirst = state.versions.slice().reverse();
        const latest = newestFirst.length ? newestFirst[0].version : 0;
        const previous = newestFirst.length > 1 ? newestFirst[1].version : latest;
        for (const version of newestFirst) {
            const row = document.createElement('tr');
            row.id = 'version-' + version.version;
            row.append(
                cell(radio('from', version.version, version.version === previous)),
                cell(radio('to', version.version, version.version === latest)),
                cell(String(version.version), 'version'),
                whatHappened(version),
                cell(new Date(version.occurredAt).toLocaleString(), 'when'));
            body.append(row);
        }
        markPicked();
    }

    function radio(name, version, checked) {
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = name;
        input.value = String(version);
        input.id = name + '-' + version;
        input.checked = checked;
        input.setAttribute('aria-label', name + ' version ' + version);
        input.addEventListener('change', markPicked);
        return input;
    }

    function cell(content, className) {
        const td = document.createElement('td');
        if (className) {
            td.className = className;
        }
        td.append(content);
        return td;
    }

    function whatHappened(version) {
        const td = document.createElement('td');
        td.append(version.summary || version.eventType);
        const type = document.createElement('span');
        type.className = 'type';
        type.textContent = version.eventType;
        td.append(type);
        return td;
    }

    function picked(name) {
        const input = document.querySelector('input[name="' + name + '"]:checked');
        return input ? Number(input.value) : null;
    }

    function markPicked() {
        const from = picked('from');
        const to = picked('to');
        for (const row of $('timeline').tBodies[0].rows) {
            const version = Number(row.id.replace('version-', ''));
            row.classList.toggle('picked', version === from || version === to);
        }
        if (state.states.size === state.versions.length && state.versions.length) {
            drawChart();
        }
    }

    // ---- reading every version's state, then the chart ------------------------------------------

    async function readStates(id) {
        const queue = state.versions.map((v) => v.version);
        let done = 0;
        const progress = $('chart-progress');
        progress.textContent = 'Reading ' + queue.length + ' versions…';
        async function worker() {
            while (queue.length && state.characterId === id) {
                const version = queue.shift();
                const answer = await call('GET', '/api/v1/characters/' + encodeURIComponent(id) + '/versions/' + version);
                state.states.set(version, answer.state);
                done++;
                progress.textContent = 'Read ' + done + ' of ' + state.versions.length + ' versions…';
            }
        }
        await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
        if (state.characterId === id) {
            progress.textContent = '';
            drawChart();
        }
    }

    function drawChart() {
        const points = state.versions.map((v) => {
            const s = state.states.get(v.version);
            return { version: v.version, experience: s.experience, level: s.level };
        });
        const width = 640, height = 300;
        const pad = { left: 56, right: 40, top: 48, bottom: 40 };
        const plotW = width - pad.left - pad.right, plotH = height - pad.top - pad.bottom;
        const first = points[0].version, last = points[points.length - 1].version;
        const maxXp = niceCeiling(Math.max(1, ...points.map((p) => p.experience)));
        const maxLevel = Math.max(2, ...points.map((p) => p.level));
        const x = (version) => pad.left + (last === first ? plotW / 2 : (version - first) / (last - first) * plotW);
        const yXp = (xp) => pad.top + plotH - xp / maxXp * plotH;
        const yLevel = (level) => pad.top + plotH - (level - 1) / (maxLevel - 1) * plotH;

        const svg = element('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', id: 'history-chart' });
        for (let i = 0; i <= 4; i++) {
            const y = pad.top + plotH - i / 4 * plotH;
            svg.append(element('line', { x1: pad.left, x2: pad.left + plotW, y1: y, y2: y, class: 'grid' }));
            svg.append(text(pad.left - 8, y + 4, format(maxXp * i / 4), 'end', 'axis-label'));
        }
        for (const level of levelTicks(maxLevel)) {
            svg.append(text(pad.left + plotW + 8, yLevel(level) + 4, String(level), 'start', 'axis-label'));
        }
        for (const version of versionTicks(first, last)) {
            svg.append(text(x(version), pad.top + plotH + 16, String(version), 'middle', 'axis-label'));
        }
        svg.append(text(pad.left + plotW / 2, height - 6, 'version', 'middle', 'axis-label'));
        svg.append(text(8, pad.top - 14, 'experience', 'start', 'axis-label'));
        svg.append(text(width - 8, pad.top - 14, 'level', 'end', 'axis-label'));

        for (const version of [picked('from'), picked('to')]) {
            if (version !== null && version >= first && version <= last) {
                svg.append(element('line', { x1: x(version), x2: x(version), y1: pad.top, y2: pad.top + plotH, class: 'pick' }));
            }
        }

        const series = [
            { name: 'experience', y: (p) => yXp(p.experience), value: (p) => p.experience },
            { name: 'level', y: (p) => yLevel(p.level), value: (p) => p.level },
        ];
        for (const s of series) {
            svg.append(element('polyline', {
                class: s.name, id: s.name + '-line', 'data-points': points.length,
                points: points.map((p) => round(x(p.version)) + ',' + round(s.y(p))).join(' '),
            }));
            for (const p of points) {
                const dot = element('circle', { cx: round(x(p.version)), cy: round(s.y(p)), r: 3.5, class: s.name });
                const title = element('title', {});
                title.textContent = 'version ' + p.version + ': ' + s.name + ' ' + s.value(p);
                dot.append(title);
                svg.append(dot);
            }
        }
        svg.append(legend(width / 2 - 90, 18));
        $('chart').replaceChildren(svg);
    }

    function legend(x, y) {
        const group = element('g', {});
        [['experience', 0], ['level', 110]].forEach(([name, offset]) => {
            group.append(element('line', { x1: x + offset, x2: x + offset + 22, y1: y - 4, y2: y - 4, class: name }));
            group.append(text(x + offset + 28, y, name, 'start', 'legend'));
        });
        return group;
    }

    function element(name, attributes) {
        const node = document.createElementNS(SVG, name);
        for (const [key, value] of Object.entries(attributes)) {
            node.setAttribute(key, String(value));
        }
        return node;
    }

    function text(x, y, content, anchor, className) {
        const node = element('text', { x, y, 'text-anchor': anchor, class: className });
        node.textContent = content;
        return node;
    }

    function niceCeiling(value) {
        const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    function levelTicks(maxLevel) {
        const step = Math.max(1, Math.ceil((maxLevel - 1) / 5));
        const ticks = [];
        for (let level = 1; level <= maxLevel; level += step) {
            ticks.push(level);
        }
        return ticks;
    }

    function versionTicks(first, last) {
        const step = Math.max(1, Math.ceil((last - first) / 10));
        const ticks = [];
        for (let version = first; version <= last; version += step) {
            ticks.push(version);
        }
        return ticks;
    }

    function format(number) {
        return number >= 10000 ? (number / 1000).toFixed(number % 1000 === 0 ? 0 : 1) + 'k' : String(Math.round(number));
    }

    function round(number) {
        return Math.round(number * 10) / 10;
    }

    // ---- two versions side by side --------------------------------------------------------------

    async function compare() {
        const from = picked('from');
        const to = picked('to');
        if (from === null || to === null) {
            say('Pick a version in from and one in to.', true);
            return;
        }
        const id = state.characterId;
        try {
            const [patch, left, right] = await Promise.all([
                call('GET', '/api/v1/characters/' + encodeURIComponent(id) + '/versions/' + to + '/diff?from=' + from),
                stateAt(id, from),
                stateAt(id, to),
            ]);
            showDiff(from, to, patch, left, right);
            say('');
        } catch (error) {
            fail(error);
        }
    }

    async function stateAt(id, version) {
        if (!state.states.has(version)) {
            const answer = await call('GET', '/api/v1/characters/' + encodeURIComponent(id) + '/versions/' + version);
            state.states.set(version, answer.state);
        }
        return state.states.get(version);
    }

    function showDiff(from, to, patch, left, right) {
        $('diff-panel').hidden = false;
        $('diff-title').textContent = 'From version ' + from + ' to version ' + to + ': '
            + patch.length + ' change' + (patch.length === 1 ? '' : 's');
        const list = $('patch');
        list.replaceChildren();
        for (const op of patch) {
            const item = document.createElement('li');
            const name = document.createElement('span');
            name.className = 'op';
            name.textContent = op.op;
            item.append(name, ' ' + op.path + (op.from ? ' ← ' + op.from : '')
                + ('value' in op ? ' = ' + JSON.stringify(op.value) : ''));
            list.append(item);
        }
        $('left-title').textContent = 'version ' + from;
        $('right-title').textContent = 'version ' + to;
        renderJson($('left'), left, changedPaths(patch, left, 'before'));
        renderJson($('right'), right, changedPaths(patch, right, 'after'));
        $('diff-panel').scrollIntoView({ block: 'nearest' });
    }

    /** The JSON pointers to mark in one of the two states: what the patch removes or replaces, or what it adds. */
    function changedPaths(patch, doc, side) {
        const paths = [];
        for (const op of patch) {
            if (side === 'before') {
                if (op.op === 'remove' || op.op === 'replace') paths.push(op.path);
                if (op.op === 'move') paths.push(op.from);
            } else if (op.op === 'add' || op.op === 'replace' || op.op === 'copy' || op.op === 'move') {
                paths.push(op.path.endsWith('/-') ? lastIndexPath(doc, op.path) : op.path);
            }
        }
        return paths;
    }

    function lastIndexPath(doc, path) {
        const parent = path.slice(0, -2);
        const array = parent.split('/').slice(1).map(unescapePointer).reduce((node, key) => node && node[key], doc);
        return Array.isArray(array) ? parent + '/' + (array.length - 1) : parent;
    }

    function unescapePointer(token) {
        return token.replace(/~1/g, '/').replace(/~0/g, '~');
    }

    function escapePointer(key) {
        return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
    }

    function renderJson(container, value, changed) {
        const lines = [];
        writeJson(value, '', 0, '', '', lines);
        const marked = (pointer) => changed.some((path) => pointer === path || pointer.startsWith(path + '/'));
        container.replaceChildren(...lines.map((line) => {
            const div = document.createElement('div');
            div.className = 'line' + (marked(line.pointer) ? ' changed' : '');
            div.dataset.pointer = line.pointer;
            div.textContent = line.text;
            return div;
        }));
    }

    /** Pretty-prints JSON one line at a time, each line knowing the JSON pointer it shows. */
    function writeJson(value, pointer, depth, prefix, suffix, lines) {
        const indent = '  '.repeat(depth);
        const isArray = Array.isArray(value);
        if (value !== null && typeof value === 'object') {
            const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
            if (entries.length === 0) {
                lines.push({ text: indent + prefix + (isArray ? '[]' : '{}') + suffix, pointer });
                return;
            }
            lines.push({ text: indent + prefix + (isArray ? '[' : '{'), pointer });
            entries.forEach(([key, child], index) => {
                const childPrefix = isArray ? '' : JSON.stringify(String(key)) + ': ';
                writeJson(child, pointer + '/' + escapePointer(key), depth + 1, childPrefix,
                    index < entries.length - 1 ? ',' : '', lines);
            });
            lines.push({ text: indent + (isArray ? ']' : '}') + suffix, pointer });
        } else {
            lines.push({ text: indent + prefix + JSON.stringify(value) + suffix, pointer });
        }
    }

    // ---- addresses ------------------------------------------------------------------------------

    function navigate(path) {
        if (location.pathname !== path) {
            history.pushState(null, '', path);
        }
        route();
    }

    async function route() {
        const match = location.pathname.match(/^\/viewer\/characters\/([^/]+)\/?$/);
        if (match) {
            await showCharacter(decodeURIComponent(match[1]));
        } else {
            await showPicker();
        }
    }

    $('sign-in').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('compare').addEventListener('click', compare);
    $('home').addEventListener('click', (event) => {
        event.preventDefault();
        navigate('/viewer');
    });
    window.addEventListener('popstate', route);
    route();
})();
