// The voice page: an OpenAI Realtime (GA) client of the app's façade at /v1/realtime, one WebSocket per conversation.
// The page asks the app for a short-lived client secret (POST /voice/secret: ek_…, never the real key) and the session
// configuration to apply, opens the socket with the subprotocols "realtime" and "openai-insecure-api-key.<ek>",
// streams the microphone as input_audio_buffer.append (24 kHz PCM, resampled in the worklet), plays
// response.output_audio.delta, shows both transcripts and the function calls, and runs those calls through the app
// (POST /voice/tools/<name>) before answering them with a function_call_output.
import { openMicrophone, Playback, toBase64, fromBase64 } from './audio.js';

const $ = id => document.getElementById(id);
// The façade's WebSocket (aws.bidi.realtime.path).
const FACADE = '/v1/realtime';
// audio/pcm is 24 kHz both ways: the façade does not resample.
const RATE = 24000;

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
// The last server events (audio left out), for a look from the developer tools (and the tests' failure reports).
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

function send(event) {
  if (call && call.socket.readyState === WebSocket.OPEN) call.socket.send(JSON.stringify(event));
}

// One response at a time: a response.create asked for while one runs goes out once it is done.
function createResponse() {
  if (call.response) call.createPending = true;
  else send({ type: 'response.create' });
}

// The assistant's line for an output item: its transcript as it comes (in italics), settled by response.done.
function assistantLine(itemId) {
  let line = call.lines.get(itemId);
  if (!line) {
    line = addLine('ASSISTANT', '', 'speculative');
    call.lines.set(itemId, line);
  }
  return line;
}

// The user spoke: stop the assistant's queued speech at once (barge-in when it was speaking).
function speechStarted() {
  call.turnEndedAt = 0;
  if (call.response || call.playback.pending > 0) {
    stats.bargeIns++;
    call.playback.flush();
    for (const line of call.lines.values()) line.classList.replace('speculative', 'interrupted');
  }
  stats.update();
}

function audioDelta(delta) {
  if (call.turnEndedAt) {
    // From the end of the user's turn (as the page saw it) to the first audio of the answer.
    const millis = Math.round(performance.now() - call.turnEndedAt);
    $('latency').textContent = `${millis} ms`;
    $('latency').dataset.millis = millis;
    call.turnEndedAt = 0;
  }
  call.playback.enqueue(fromBase64(delta));
}

function responseDone(response) {
  const settled = response.status === 'completed' ? 'final' : 'interrupted';
  for (const item of response.output || []) {
    const line = call.lines.get(item.id);
    if (!line) continue;
    line.classList.remove('speculative', 'final', 'interrupted');
    line.classList.add(settled);
    call.lines.delete(item.id);
  }
  if (response.status === 'failed' && response.status_details && response.status_details.error) {
    showError(`response failed: ${response.status_details.error.message}`);
  }
  call.response = null;
  if (call.createPending) {
    call.createPending = false;
    send({ type: 'response.create' });
  }
}

// A function call: shown, run by the app, answered with its output, then the model is asked to go on.
async function functionCall({ call_id: callId, name, arguments: args }) {
  const current = call;
  let shown = args;
  try {
    shown = JSON.stringify(JSON.parse(args));
  } catch (ignored) {
    // shown as it came
  }
  addLine('TOOL', `${name} ${shown}`, 'final');
  let output;
  try {
    const answer = await fetch(`/voice/tools/${encodeURIComponent(name)}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: args || '{}' });
    if (!answer.ok) throw new Error(`${answer.status} ${await answer.text()}`);
    output = (await answer.json()).output;
  } catch (error) {
    showError(`tool ${name}: ${error.message || error}`);
    output = JSON.stringify({ error: String(error.message || error) });
  }
  if (call !== current) return;
  send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output } });
  createResponse();
}

function onEvent(event) {
  recent.push(event.type === 'response.output_audio.delta' ? { type: event.type, item_id: event.item_id } : event);
  if (recent.length > 100) recent.shift();
  switch (event.type) {
    case 'session.created':
      // The configuration the app issued the secret for: 24 kHz PCM, server VAD, instructions, voice, tools.
      send({ type: 'session.update', session: call.session });
      break;
    case 'session.updated':
      if (!call.ready) {
        call.ready = true;
        setState('connected');
      }
      break;
    case 'input_audio_buffer.speech_started':
      speechStarted();
      break;
    case 'input_audio_buffer.speech_stopped':
      call.turnEndedAt = performance.now();
      break;
    case 'conversation.item.input_audio_transcription.completed':
      addLine('USER', event.transcript, 'final');
      break;
    case 'response.created':
      call.response = event.response.id;
      break;
    case 'response.output_audio_transcript.delta': {
      const line = assistantLine(event.item_id);
      line.textContent += event.delta;
      break;
    }
    case 'response.output_audio_transcript.done':
      if (event.transcript) assistantLine(event.item_id).textContent = event.transcript;
      break;
    case 'response.output_audio.delta':
      audioDelta(event.delta);
      break;
    case 'response.function_call_arguments.done':
      functionCall(event);
      break;
    case 'response.done':
      responseDone(event.response);
      break;
    case 'error':
      showError(`${event.error.code || event.error.type}: ${event.error.message}`);
      break;
  }
}

async function connect() {
  showError('');
  setState('connecting');
  let secret;
  try {
    // Same origin: the app asks the façade for an ek_ secret with its own key, which never reaches the browser.
    const answer = await fetch('/voice/secret', { method: 'POST' });
    if (!answer.ok) throw new Error(`${answer.status} ${await answer.text()}`);
    secret = await answer.json();
  } catch (error) {
    setState('disconnected');
    showError(`client secret: ${error.message || error}`);
    return;
  }
  const context = new AudioContext();
  const playback = new Playback(context, RATE, stats);
  let microphone;
  try {
    microphone = await openMicrophone(context, pcm => {
      if (call && call.ready) send({ type: 'input_audio_buffer.append', audio: toBase64(pcm) });
    }, RATE);
  } catch (error) {
    context.close();
    setState('disconnected');
    showError(`microphone: ${error.message || error}`);
    return;
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}${FACADE}`,
      ['realtime', `openai-insecure-api-key.${secret.value}`]);
  microphone.mute(muted);
  call = {
    socket, context, microphone, playback, session: secret.session,
    ready: false, response: null, createPending: false, lines: new Map(), turnEndedAt: 0, closedByUser: false,
  };
  socket.onmessage = event => onEvent(JSON.parse(event.data));
  socket.onerror = () => showError('the connection to the server failed');
  socket.onclose = event => {
    microphone.close();
    // Let queued speech finish before the context goes.
    setTimeout(() => context.close(), 1000 * Math.max(0, playback.nextStart - context.currentTime) + 100);
    const ended = call && call.socket === socket ? call : null;
    if (ended) call = null;
    setState(ended && ended.closedByUser ? 'disconnected' : 'closed', event.reason);
    if (event.code !== 1000 && event.code !== 1005 && event.reason) showError(event.reason);
  };
}

$('connect').onclick = () => connect();
$('disconnect').onclick = () => {
  if (!call) return;
  call.closedByUser = true;
  call.socket.close(1000, 'disconnected by the user');
};
$('mute').onclick = () => {
  muted = !muted;
  call && call.microphone.mute(muted);
  $('mute').textContent = muted ? 'Unmute' : 'Mute';
  $('mute').setAttribute('aria-pressed', muted);
};
$('say').onclick = () => {
  const text = $('typed').value.trim();
  if (text && call && call.ready) {
    addLine('USER', text, 'final');
    send({ type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] } });
    createResponse();
    call.turnEndedAt = performance.now();
    $('typed').value = '';
  }
};
$('typed').addEventListener('keydown', event => {
  if (event.key === 'Enter') $('say').click();
});
setState('disconnected');
stats.update();
