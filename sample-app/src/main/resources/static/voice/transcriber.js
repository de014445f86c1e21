// The transcriber panel: each recording opens a WebSocket to /transcriber/ws, streams the microphone as binary
// messages (sent on as PARTIAL parts) and ends with {"type":"stop"} (the COMPLETE part); results come back interim
// while recording and final after stop.
import { openMicrophone } from './audio.js';

const $ = id => document.getElementById(id);
let recording = null;

function setState(state) {
  $('transcriber-state').dataset.state = state;
  $('transcriber-state').textContent = state;
  $('record').disabled = state !== 'idle';
  $('stop').disabled = state !== 'recording';
  $('connect').disabled = state !== 'idle';
}

function onMessage(message) {
  if (message.type === 'result' && message.interim) {
    $('interim').textContent = message.text;
    $('interim').dataset.count = Number($('interim').dataset.count || 0) + 1;
  } else if (message.type === 'result') {
    $('interim').textContent = '';
    const line = document.createElement('li');
    line.textContent = message.text;
    $('finals').appendChild(line);
    recording && recording.socket.close(1000, 'recording transcribed');
  } else if (message.type === 'error') {
    $('transcriber-error').textContent = `${message.kind}: ${message.message}`;
    $('transcriber-error').hidden = false;
    // Nothing more comes for a recording that was stopped: end it rather than wait for a final result.
    recording && recording.stopped && recording.socket.close(1000, 'nothing to transcribe');
  }
}

async function record() {
  $('transcriber-error').hidden = true;
  setState('starting');
  const context = new AudioContext();
  let microphone;
  try {
    microphone = await openMicrophone(context, pcm => {
      if (recording && recording.socket.readyState === WebSocket.OPEN && !recording.stopped) recording.socket.send(pcm);
    });
  } catch (error) {
    context.close();
    setState('idle');
    onMessage({ type: 'error', kind: 'CLIENT', message: `microphone: ${error.message || error}` });
    return;
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/transcriber/ws?rate=${microphone.rate}`);
  recording = { socket, context, microphone, stopped: false };
  socket.onopen = () => setState('recording');
  socket.onmessage = event => typeof event.data === 'string' && onMessage(JSON.parse(event.data));
  socket.onclose = event => {
    microphone.close();
    context.close();
    recording = null;
    setState('idle');
    if (event.code !== 1000 && event.reason) onMessage({ type: 'error', kind: 'CLOSED', message: event.reason });
  };
}

$('record').onclick = () => record();
$('stop').onclick = () => {
  if (!recording) return;
  recording.stopped = true;
  recording.microphone.close();
  recording.socket.send(JSON.stringify({ type: 'stop' }));
  setState('finishing');
};
setState('idle');
