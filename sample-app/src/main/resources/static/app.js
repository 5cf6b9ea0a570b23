// The live page: follows the app's WebSocket relay (/bitcoin/events) and shows the chain as it moves.
// No framework and no build: the DOM is written with textContent only, never innerHTML, so nothing
// in a message can become markup.
'use strict';

const MAX_BLOCKS = 20;
const MAX_TXIDS = 5;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 10000;

const view = {
  app: 'connecting',   // the page's own socket to the app: connecting | open | closed
  retryAt: 0,          // when the next attempt to reach the app starts (epoch ms), while closed
  node: null,          // the app's connection to its node, {state, attempt}, from the relay; null when unknown
  tip: null,           // {height, hash, time, seenAt}; hash and time null when only the height is known
  follower: null,      // {height, lag}, or null when the app has no chain follower (or it has not said yet)
  blocks: [],          // newest first: {height, hash, time, txs, seenAt, disconnected}
  txCount: 0,
  txids: [],           // newest first
};

const $ = (id) => document.getElementById(id);

// --- The connection to the app, reopened with a backoff (1 s doubling to 10 s) whenever it closes. ---

let retryDelay = RETRY_FIRST_MS;

function connect() {
  if (view.app !== 'closed') {
    view.app = 'connecting'; // the first attempt; after a close the page says "disconnected" until one succeeds
  }
  renderState();
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/bitcoin/events';
  const socket = new WebSocket(url);
  socket.onopen = () => {
    retryDelay = RETRY_FIRST_MS;
    view.app = 'open';
    renderState();
  };
  socket.onmessage = (event) => {
    try {
      handle(JSON.parse(event.data));
    } catch (error) {
      console.warn('Ignored a message the page does not understand', error);
    }
  };
  // An error is always followed by close, so close alone schedules the next attempt: one at a time.
  socket.onclose = () => {
    view.app = 'closed';
    view.node = null; // what the node does is unknown while the app cannot tell us
    view.retryAt = Date.now() + retryDelay;
    setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    renderState();
  };
}

// --- The relay's messages (see README, "The live page"). ---

function handle(message) {
  switch (message.type) {
    case 'snapshot':
      view.node = { state: message.state };
      view.follower = message.follower || null;
      if (message.tip) {
        addBlock({ height: message.tip.height, hash: message.tip.hash, time: message.tip.time, seenAt: null }, true);
      }
      break;
    case 'block':
      addBlock({ height: message.height, hash: message.hash, time: message.time, txs: message.txs,
        seenAt: Date.now() }, message.lag === undefined || message.lag === 0);
      if (message.lag !== undefined) {
        view.follower = { height: message.height, lag: message.lag };
        if (message.lag > 0) {
          // The node is ahead of the block just delivered: its tip's height is known, not its hash.
          setTip({ height: message.height + message.lag, hash: null, time: null, seenAt: null });
        }
      }
      break;
    case 'blockDisconnected':
      disconnectBlock(message);
      break;
    case 'tx':
      view.txCount++;
      view.txids.unshift(message.txid);
      view.txids.length = Math.min(view.txids.length, MAX_TXIDS);
      break;
    case 'state':
      view.node = { state: message.state, attempt: message.attempt };
      break;
    default:
      return; // a newer relay may send more: ignore what this page does not know
  }
  render();
}

/** Puts a block on top of the list; when isTip, it is also the node's tip. */
function addBlock(block, isTip) {
  const known = view.blocks.find((b) => b.hash === block.hash);
  if (known) {
    // Seen before (the snapshot's tip, then the follower delivering it): keep its place, learn more.
    known.txs = block.txs !== undefined ? block.txs : known.txs;
    known.seenAt = known.seenAt || block.seenAt;
    known.disconnected = false;
  } else {
    // A block at this height or above that is still listed as connected is no longer on the chain
    // (the page missed the reorg while away, or the snapshot's tip is ahead of a catching-up follower).
    view.blocks = view.blocks.filter((b) => b.disconnected || b.height < block.height);
    view.blocks.unshift({ ...block, fresh: block.seenAt !== null });
    view.blocks.length = Math.min(view.blocks.length, MAX_BLOCKS);
  }
  if (isTip) {
    setTip(block);
  }
}

function setTip(block) {
  const tip = view.tip;
  if (tip && tip.height === block.height && (tip.hash === block.hash || !block.hash)) {
    return; // the same tip, or one we already know better than "this height, hash unknown"
  }
  view.tip = { height: block.height, hash: block.hash, time: block.time, seenAt: block.seenAt };
}

function disconnectBlock(message) {
  const listed = view.blocks.find((b) => b.hash === message.hash);
  if (listed) {
    listed.disconnected = true;
  }
  if (view.tip && view.tip.hash === message.hash) {
    // The tip went back one block: its parent, if the list still has it.
    const parent = view.blocks.find((b) => !b.disconnected && b.height === message.height - 1);
    setTip(parent || { height: message.height - 1, hash: null, time: null, seenAt: null });
  }
}

// --- Rendering. ---

function render() {
  renderState();
  renderTip();
  renderBlocks();
  renderTxs();
}

/** #state says "disconnected" while the page cannot reach the app; otherwise the node's state. */
function renderState() {
  let state;
  let detail = '';
  if (view.app !== 'open') {
    state = view.app === 'closed' ? 'disconnected' : 'connecting';
    if (view.app === 'closed') {
      const wait = Math.ceil((view.retryAt - Date.now()) / 1000);
      detail = 'app unreachable, ' + (wait > 0 ? 'retrying in ' + wait + ' s' : 'trying again');
    }
  } else if (!view.node) {
    state = 'connecting';
  } else {
    state = view.node.state.toLowerCase();
    if (view.node.state === 'RECONNECTING' && view.node.attempt) {
      detail = 'node unreachable, attempt ' + view.node.attempt;
    } else if (view.node.state === 'DISCONNECTED') {
      detail = 'node unreachable';
    }
  }
  setText($('state'), state).dataset.state = state;
  setText($('state-detail'), detail);
  const app = $('app-state');
  app.dataset.state = view.app;
  setText(app, view.app === 'open' ? 'live' : view.app === 'closed' ? 'closed, ' + detail : 'connecting');
}

function renderTip() {
  const tip = view.tip;
  const height = $('tip-height');
  height.dataset.height = tip ? tip.height : '';
  setText(height, tip ? tip.height : '–');
  const hash = $('tip-hash');
  setText(hash, tip && tip.hash ? short(tip.hash, 16) : tip ? 'not known yet' : '–');
  hash.title = tip && tip.hash ? tip.hash : '';
  setText($('tip-time'), tip && tip.time ? 'mined ' + clock(tip.time * 1000, true) : '');
  const lag = $('lag');
  lag.dataset.lag = view.follower ? view.follower.lag : '';
  setText(lag, view.follower ? (view.follower.lag === 0 ? 'in step' : view.follower.lag + ' behind') : '–');
  setText($('follower'), view.follower ? 'at block ' + view.follower.height : 'no chain follower');
  renderAges();
}

/** The parts that change with the clock alone: run every second. */
function renderAges() {
  const tip = view.tip;
  setText($('tip-age'), tip && tip.time ? ago(tip.time * 1000) : '–');
  setText($('tip-seen'), tip && tip.seenAt ? 'arrived ' + ago(tip.seenAt) : '');
  if (view.app === 'closed') {
    renderState(); // the retry countdown
  }
}

function renderBlocks() {
  const rows = [];
  let below = null; // the last connected block listed so far, the one above the next
  view.blocks.forEach((block) => {
    if (!block.disconnected && below && below.height - block.height > 1) {
      // Blocks the page did not see (it was away, or opened on a catching-up follower): said, not hidden.
      const missed = below.height - block.height - 1;
      const gap = document.createElement('tr');
      gap.className = 'gap';
      cell(gap, '⋯').className = 'num';
      cell(gap, missed + (missed === 1 ? ' block' : ' blocks') + ' not seen by this page').colSpan = 4;
      rows.push(gap);
    }
    if (!block.disconnected) {
      below = block;
    }
    rows.push(blockRow(block));
  });
  $('blocks').replaceChildren(...rows);
  $('no-blocks').hidden = rows.length > 0;
}

/** One block's row; the test and the styles find it by data-height, data-hash and its class. */
function blockRow(block) {
  const row = document.createElement('tr');
  row.dataset.height = block.height;
  row.dataset.hash = block.hash;
  if (block.disconnected) {
    row.className = 'disconnected';
  } else if (block.fresh) {
    row.className = 'new';
    block.fresh = false; // highlighted once, not at every later render
  }
  cell(row, block.height).className = 'num';
  const hash = cell(row, short(block.hash, 12));
  hash.title = block.hash;
  hash.className = 'hash-cell';
  cell(row, block.time ? clock(block.time * 1000, !today(block.time * 1000)) : '–');
  cell(row, block.txs !== undefined ? block.txs : '–').className = 'num';
  cell(row, block.disconnected ? 'left the chain' : block.seenAt ? clock(block.seenAt, false) : 'known at connect');
  return row;
}

function renderTxs() {
  const count = $('tx-count');
  count.dataset.count = view.txCount;
  setText(count, view.txCount);
  $('txs').replaceChildren(...view.txids.map((txid) => Object.assign(document.createElement('li'), { textContent: txid })));
}

// --- Small helpers. ---

function setText(element, text) {
  const value = String(text);
  if (element.textContent !== value) {
    element.textContent = value;
  }
  return element;
}

function cell(row, text) {
  return row.appendChild(Object.assign(document.createElement('td'), { textContent: text }));
}

/** The first and last characters of a hash, e.g. 0000a1b2…c3d4e5f6. */
function short(hash, keep) {
  return hash.length > 2 * keep ? hash.slice(0, keep) + '…' + hash.slice(-keep / 2) : hash;
}

/** "12 s ago", "3 min 4 s ago", "2 h 5 min ago", "3 d 2 h ago", "41 d ago" (a header ahead of our clock: "just now"). */
function ago(epochMs) {
  const s = Math.floor((Date.now() - epochMs) / 1000);
  if (s < 0) return 'just now';
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s ago';
  if (s < 86400) return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min ago';
  if (s < 864000) return Math.floor(s / 86400) + ' d ' + Math.floor((s % 86400) / 3600) + ' h ago';
  return Math.floor(s / 86400) + ' d ago';
}

function today(epochMs) {
  return new Date(epochMs).toDateString() === new Date().toDateString();
}

/** Local time, "14:03:07", with the date in front when asked ("2026-12-05 14:03:07"). */
function clock(epochMs, withDate) {
  const d = new Date(epochMs);
  const p = (n) => String(n).padStart(2, '0');
  const time = p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());
  return withDate ? d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + time : time;
}

setInterval(renderAges, 1000);
render();
connect();
