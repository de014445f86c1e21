// Microphone capture (an AudioWorklet), gap-free playback of 16-bit PCM, and base64 for the OpenAI Realtime events.

/**
 * Opens the microphone; onPcm receives ArrayBuffers of 16-bit PCM at `rate` (resampled in the worklet from the
 * context's rate; the context's own rate when not given).
 * Echo cancellation stays on so that the assistant's voice from the speakers does not barge in on itself;
 * ?processing=off turns the browser's processing off (the tests feed a test signal as the microphone).
 */
export async function openMicrophone(context, onPcm, rate = context.sampleRate) {
  const processing = new URLSearchParams(location.search).get('processing') !== 'off';
  const stream = await navigator.mediaDevices.getUserMedia({ audio: {
    channelCount: 1, echoCancellation: processing, noiseSuppression: processing, autoGainControl: processing } });
  await context.audioWorklet.addModule(new URL('capture-worklet.js', import.meta.url));
  const source = context.createMediaStreamSource(stream);
  const capture = new AudioWorkletNode(context, 'capture', { numberOfOutputs: 0, processorOptions: { rate } });
  capture.port.onmessage = event => onPcm(event.data);
  source.connect(capture);
  return {
    rate,
    mute(muted) { capture.port.postMessage({ muted }); },
    close() {
      source.disconnect();
      capture.port.onmessage = null;
      stream.getTracks().forEach(track => track.stop());
    },
  };
}

/**
 * Plays chunks of 16-bit PCM back to back: each is scheduled to start where the previous one ends (so there is no
 * gap however the chunks arrive), or a little ahead of now after a pause. flush() stops everything queued at once.
 */
export class Playback {
  constructor(context, rate, stats) {
    this.context = context;
    this.rate = rate;
    this.stats = stats;
    this.queued = new Set();
    this.nextStart = 0;
  }

  enqueue(arrayBuffer) {
    // Whole 16-bit samples only.
    const pcm = new Int16Array(arrayBuffer, 0, arrayBuffer.byteLength >> 1);
    if (pcm.length === 0) return;
    const buffer = this.context.createBuffer(1, pcm.length, this.rate);
    const samples = buffer.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) samples[i] = pcm[i] / 0x8000;
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    // 60 ms of head room after a pause absorbs network jitter without a noticeable delay.
    const start = Math.max(this.nextStart, this.context.currentTime + 0.06);
    source.start(start);
    this.nextStart = start + buffer.duration;
    this.queued.add(source);
    this.stats.received++;
    source.onended = () => {
      if (this.queued.delete(source)) this.stats.played++;
      this.stats.update();
    };
    this.stats.update();
  }

  /** Drops every queued chunk, the one playing included; returns how many were dropped. */
  flush() {
    const dropped = this.queued.size;
    for (const source of this.queued) {
      source.onended = null;
      source.stop();
    }
    this.queued.clear();
    this.nextStart = 0;
    this.stats.flushed += dropped;
    this.stats.update();
    return dropped;
  }

  get pending() {
    return this.queued.size;
  }
}

/** An ArrayBuffer as base64 (input_audio_buffer.append's audio). */
export function toBase64(arrayBuffer) {
  const bytes = new Uint8Array(arrayBuffer);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** base64 (response.output_audio.delta's delta) as an ArrayBuffer. */
export function fromBase64(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}
