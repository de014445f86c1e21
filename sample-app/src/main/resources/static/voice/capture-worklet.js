// Runs on the audio thread: turns the microphone's float samples into 16-bit little-endian PCM at the context's
// rate and posts one buffer per ~40 ms (the server resamples to what the session hears). While muted it posts
// silence instead, so that the assistant's stream keeps receiving audio (Nova Sonic ends a stream left without).
class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.muted = false;
    this.batch = new Int16Array(Math.round(sampleRate * 0.04));
    this.filled = 0;
    this.port.onmessage = event => { this.muted = !!event.data.muted; };
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i++) {
      const sample = this.muted ? 0 : Math.max(-1, Math.min(1, channel[i]));
      this.batch[this.filled++] = sample < 0 ? sample * 0x8000 : sample * 0x7fff;
      if (this.filled === this.batch.length) {
        // Int16Array is little-endian on every platform browsers run on.
        const out = this.batch.slice().buffer;
        this.port.postMessage(out, [out]);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('capture', CaptureProcessor);
