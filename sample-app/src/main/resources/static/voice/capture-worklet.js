// Runs on the audio thread: turns the microphone's float samples into 16-bit little-endian PCM and posts one buffer
// per ~40 ms. The PCM is at processorOptions.rate when given (the voice agent's 24 kHz: the OpenAI Realtime façade
// does not resample), else at the context's rate (the transcriber's server resamples). While muted it posts silence
// instead, so that the assistant's stream keeps receiving audio (Nova Sonic ends a stream left without).
class CaptureProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    this.rate = (options.processorOptions && options.processorOptions.rate) || sampleRate;
    // Input samples per output sample (2 from a 48 kHz context to 24 kHz).
    this.step = sampleRate / this.rate;
    // Where the next output sample starts, in input samples from the start of the current render quantum.
    this.position = 0;
    // The running sum and count of the input samples that fall into the output sample being made.
    this.sum = 0;
    this.count = 0;
    this.previous = 0;
    this.muted = false;
    this.batch = new Int16Array(Math.round(this.rate * 0.04));
    this.filled = 0;
    this.port.onmessage = event => { this.muted = !!event.data.muted; };
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    if (this.step === 1) {
      for (let i = 0; i < channel.length; i++) this.push(channel[i]);
    } else if (this.step > 1) {
      // Down: each output sample is the mean of the input samples it spans (a box filter against aliasing).
      for (let i = 0; i < channel.length; i++) {
        this.sum += channel[i];
        this.count++;
        if (i + 1 >= this.position + this.step) {
          this.push(this.sum / this.count);
          this.sum = 0;
          this.count = 0;
          this.position += this.step;
        }
      }
      this.position -= channel.length;
    } else {
      // Up (a context slower than the target): linear interpolation between neighbouring input samples.
      for (; this.position < channel.length; this.position += this.step) {
        const index = Math.floor(this.position);
        const before = index === 0 ? this.previous : channel[index - 1];
        const fraction = this.position - index;
        this.push(before + (channel[index] - before) * fraction);
      }
      this.position -= channel.length;
      this.previous = channel[channel.length - 1];
    }
    return true;
  }

  push(value) {
    const sample = this.muted ? 0 : Math.max(-1, Math.min(1, value));
    this.batch[this.filled++] = sample < 0 ? sample * 0x8000 : sample * 0x7fff;
    if (this.filled === this.batch.length) {
      // Int16Array is little-endian on every platform browsers run on.
      const out = this.batch.slice().buffer;
      this.port.postMessage(out, [out]);
      this.filled = 0;
    }
  }
}

registerProcessor('capture', CaptureProcessor);
