// The speaker panel: each utterance opens a WebSocket to /speaker/ws and streams its text a word at a time, at an
// LLM's pace, as {"type":"text"} messages, then {"type":"close"}; Polly's audio comes back as binary messages of
// 16-bit PCM (at the rate of the "speech" message) and plays as it arrives, before the text has all been sent.
import { Playback } from './audio.js';

const $ = id => document.getElementById(id);
// Words per second the page sends: about the pace an LLM streams tokens at.
const WORDS_PER_SECOND = 20;

// Counters the browser tests read (window.speakerPanel.stats and the data attributes of #speaker-playback).
const stats = {
  received: 0, played: 0, flushed: 0,
  update() {
    const view = $('speaker-playback');
    view.dataset.received = this.received;
    view.dataset.played = this.played;
    view.textContent = `${this.played} of ${this.received} chunks played`;
  },
};
const recent = [];
window.speakerPanel = { stats, recent };

let utterance = null;

function setState(state) {
  $('speaker-state').dataset.state = state;
  $('speaker-state').textContent = state;
  const busy = state !== 'idle';
  $('speak').disabled = busy;
  $('generate').disabled = busy;
  $('speak-stop').disabled = !busy;
}

function showError(text) {
  $('speaker-error').textContent = text;
  $('speaker-error').hidden = !text;
}

// LLM-like text: a few sentences, different on each press, with the odd long word and punctuation mid-stream.
const OPENINGS = ['Sure, here is a quick summary.', 'Good question.', 'Let me think about that for a moment.'];
const MIDDLES = [
  'The forecast for Seattle shows light rain in the morning, clearing to sunshine by the afternoon.',
  'Streaming speech lets an assistant start talking while the rest of its answer is still being written.',
  'Your order left the warehouse yesterday and should arrive on Thursday, weather permitting.',
];
const CLOSINGS = ['Is there anything else I can help with?', 'Let me know if you would like more detail.'];
let generated = 0;

function generate() {
  const n = generated++;
  return [OPENINGS[n % OPENINGS.length], MIDDLES[n % MIDDLES.length], CLOSINGS[n % CLOSINGS.length]].join(' ');
}

function onMessage(message) {
  recent.push(message);
  if (recent.length > 100) recent.shift();
  switch (message.type) {
    case 'speech':
      if (utterance) utterance.playback.rate = message.sampleRate;
      break;
    case 'spoken':
      $('speaker-characters').textContent = `${message.requestCharacters} characters`;
      $('speaker-characters').dataset.characters = message.requestCharacters;
      break;
    case 'error':
      showError(`${message.kind}: ${message.message}`);
      break;
  }
}

function speak(text) {
  const words = text.match(/\S+\s*/g);
  if (!words) return;
  showError('');
  setState('connecting');
  $('speaker-words').textContent = '0';
  $('speaker-characters').textContent = '–';
  delete $('speaker-characters').dataset.characters;
  const context = new AudioContext();
  const playback = new Playback(context, 16000, stats);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/speaker/ws`);
  socket.binaryType = 'arraybuffer';
  const current = { socket, context, playback, timer: null };
  utterance = current;
  socket.onopen = () => {
    setState('speaking');
    let sent = 0;
    const next = () => {
      if (socket.readyState !== WebSocket.OPEN) return;
      if (sent === words.length) {
        socket.send(JSON.stringify({ type: 'close' }));
        setState('finishing');
        return;
      }
      socket.send(JSON.stringify({ type: 'text', text: words[sent++] }));
      $('speaker-words').textContent = sent;
      current.timer = setTimeout(next, 1000 / WORDS_PER_SECOND);
    };
    next();
  };
  socket.onmessage = event => typeof event.data === 'string'
      ? onMessage(JSON.parse(event.data)) : playback.enqueue(event.data);
  socket.onerror = () => showError('the connection to the server failed');
  socket.onclose = event => {
    clearTimeout(current.timer);
    // Let queued speech finish before the context goes.
    setTimeout(() => context.close(), 1000 * Math.max(0, playback.nextStart - context.currentTime) + 100);
    if (utterance === current) utterance = null;
    setState('idle');
    if (event.code !== 1000 && event.code !== 1005 && event.reason) showError(event.reason);
  };
}

$('speak').onclick = () => speak($('speaker-text').value);
$('generate').onclick = () => {
  $('speaker-text').value = generate();
  speak($('speaker-text').value);
};
$('speak-stop').onclick = () => {
  if (!utterance) return;
  utterance.playback.flush();
  utterance.socket.close(1000, 'stopped by the user');
};
setState('idle');
stats.update();
