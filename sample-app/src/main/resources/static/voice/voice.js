// The voice page: one WebSocket to /voice/ws per conversation. Binary messages both ways are audio; text messages
// from the server are small JSON messages named by "type" (state, transcript, tool, latency, bargeIn, turnEnd,
// error).
import { openMicrophone, Playback } from './audio.js';

const $ = id => document.getElementById(id);
// The assistant speaks at 24 kHz unless the server says otherwise (its "speech" message).
const OUTPUT_RATE = 24000;

// Counters the browser tests read (window.voicePage.stats and the data attributes of #playback).
const stats = {
  received: 0, played: 0, flushed: 0, bargeIns: 0,
  update() {
    const view = $('playback');
    view.dataset.received = this.received;
    view.dataset.played = this.played;
    view.dataset.flushed = this.flushed;
    view.dataset.bargeIns = this.bargeIns;
    view.textContent = `${this.played} chunks played, ${this.flushed} dropped by ${this.bargeIns} barge-in(s)`;
  },
};
// The last text messages from the server, for a look from the developer tools (and the tests' failure reports).
const recent = [];
window.voicePage = { stats, recent, get pending() { return call ? call.playback.pending : 0; } };

let call = null;
// Kept across connections, so that one may also start muted.
let muted = false;

function setState(state, detail) {
  const view = $('voice-state');
  view.dataset.state = state;
  view.textContent = detail ? `${state}: ${detail}` : state;
  const live = state === 'connecting' || state === 'connected';
  $('connect').disabled = live;
  $('disconnect').disabled = !live;
  $('say').disabled = state !== 'connected';
  $('record').disabled = live;
}

function showError(text) {
  const view = $('voice-error');
  view.textContent = text;
  view.hidden = !text;
}

function addLine(role, text, cls) {
  const line = document.createElement('div');
  line.className = `turn ${role.toLowerCase()} ${cls}`;
  line.dataset.role = role;
  line.textContent = text;
  $('conversation').appendChild(line);
  $('conversation').scrollTop = $('conversation').scrollHeight;
  return line;
}

function onTranscript({ role, stage, text }) {
  if (role === 'ASSISTANT' && stage === 'FINAL') {
    // The FINAL text replaces the SPECULATIVE one it confirms (after a barge-in: what was said before it).
    const lines = $('conversation').querySelectorAll('.turn.assistant.speculative, .turn.assistant.interrupted');
    const open = lines[lines.length - 1];
    if (open && !open.dataset.final) {
      open.textContent = text;
      open.dataset.final = 'true';
      open.classList.replace('speculative', 'final');
      return;
    }
  }
  const line = addLine(role, text, stage.toLowerCase());
  if (stage === 'FINAL') line.dataset.final = 'true';
}

function onMessage(message) {
  recent.push(message);
  if (recent.length > 100) recent.shift();
  switch (message.type) {
    case 'state':
      setState(message.state, message.state === 'closed' ? message.detail : '');
      break;
    case 'speech':
      // The server says at which rate the assistant speaks (24 kHz unless the session is configured otherwise).
      if (call) call.playback.rate = message.sampleRate;
      break;
    case 'transcript':
      onTranscript(message);
      break;
    case 'tool':
      addLine('TOOL', `${message.name} ${JSON.stringify(message.arguments)}`, 'final');
      break;
    case 'latency':
      $('latency').textContent = `${message.millis} ms`;
      $('latency').dataset.millis = message.millis;
      break;
    case 'bargeIn': {
      stats.bargeIns++;
      call && call.playback.flush();
      stats.update();
      // Nova Sonic sends no FINAL text for an answer cut short: the line says so instead.
      const lines = $('conversation').querySelectorAll('.turn.assistant.speculative');
      const open = lines[lines.length - 1];
      if (open) open.classList.replace('speculative', 'interrupted');
      break;
    }
    case 'turnEnd':
      break;
    case 'error':
      showError(`${message.kind}: ${message.message}`);
      break;
  }
}

async function connect() {
  showError('');
  setState('connecting');
  const context = new AudioContext();
  const playback = new Playback(context, OUTPUT_RATE, stats);
  let microphone;
  try {
    microphone = await openMicrophone(context, pcm => {
      if (call && call.socket.readyState === WebSocket.OPEN) call.socket.send(pcm);
    });
  } catch (error) {
    context.close();
    setState('disconnected');
    showError(`microphone: ${error.message || error}`);
    return;
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/voice/ws?rate=${microphone.rate}`);
  socket.binaryType = 'arraybuffer';
  microphone.mute(muted);
  call = { socket, context, microphone, playback };
  socket.onmessage = event => typeof event.data === 'string'
      ? onMessage(JSON.parse(event.data)) : playback.enqueue(event.data);
  socket.onerror = () => showError('the connection to the server failed');
  socket.onclose = event => {
    microphone.close();
    // Let queued speech finish before the context goes.
    setTimeout(() => context.close(), 1000 * Math.max(0, playback.nextStart - context.currentTime) + 100);
    if (call && call.socket === socket) call = null;
    const state = $('voice-state').dataset.state;
    setState(state === 'closed' ? 'closed' : 'disconnected', event.reason || $('voice-state').textContent);
    if (event.code !== 1000 && event.code !== 1005 && event.reason) showError(event.reason);
  };
}

$('connect').onclick = () => connect();
$('disconnect').onclick = () => call && call.socket.close(1000, 'disconnected by the user');
$('mute').onclick = () => {
  muted = !muted;
  call && call.microphone.mute(muted);
  $('mute').textContent = muted ? 'Unmute' : 'Mute';
  $('mute').setAttribute('aria-pressed', muted);
};
$('say').onclick = () => {
  const text = $('typed').value.trim();
  if (text && call) {
    call.socket.send(JSON.stringify({ type: 'say', text }));
    $('typed').value = '';
  }
};
$('typed').addEventListener('keydown', event => {
  if (event.key === 'Enter') $('say').click();
});
setState('disconnected');
stats.update();
