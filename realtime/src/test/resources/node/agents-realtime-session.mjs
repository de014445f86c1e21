// Drives the façade with the OpenAI Agents SDK's RealtimeSession, unchanged: connect({ apiKey, url }) (the URL as given,
// ws: or wss:, no ?model= added), a spoken turn, then a text turn whose tool the SDK runs itself, then (with
// "barge-in") a long answer the user talks over. Usage: node agents-realtime-session.mjs <url> <apiKey> [barge-in].
// Prints one JSON line; exits non-zero on an error or a timeout.
import { RealtimeAgent, RealtimeSession, tool } from '@openai/agents-realtime';

const [url, apiKey, mode] = process.argv.slice(2);
const bargeIn = mode === 'barge-in';
const result = { responses: [], audioBytes: 0, toolRuns: 0, transcripts: 0 };
const seen = [];

const getWeather = tool({
  name: 'getWeather',
  description: 'Current weather for a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
  strict: true,
  execute: async ({ city }) => {
    result.toolRuns++;
    return `It is 21 C and sunny in ${city}.`;
  },
});

const agent = new RealtimeAgent({ name: 'Assistant', instructions: 'You are brief.', tools: [getWeather] });
const session = new RealtimeSession(agent, { transport: 'websocket' });
let phase = 'spoken';

function tone(seconds, rate = 24000) {
  const samples = Math.round(seconds * rate);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    pcm.writeInt16LE(Math.round(0.3 * 32767 * Math.sin((2 * Math.PI * 220 * i) / rate)), 2 * i);
  }
  return pcm;
}

session.on('error', (error) => {
  console.error('ERROR ' + JSON.stringify(error?.error ?? String(error)));
  process.exit(2);
});
session.on('audio', (event) => {
  result.audioBytes += event.data.byteLength;
  if (phase === 'barge-in' && !result.interrupted) {
    // The user talks over the answer as soon as it is heard.
    result.interrupted = true;
    const speech = tone(0.3);
    session.sendAudio(speech.buffer.slice(speech.byteOffset, speech.byteOffset + speech.byteLength));
  }
});
session.on('audio_interrupted', () => {
  result.audioInterrupted = (result.audioInterrupted ?? 0) + 1;
});
session.on('transport_event', (event) => {
  seen.push(event.type);
  if (event.type === 'conversation.item.input_audio_transcription.completed') {
    result.transcripts++;
  }
  if (event.type !== 'response.done') {
    return;
  }
  result.responses.push(event.response.status);
  const called = event.response.output.some((item) => item.type === 'function_call');
  if (phase === 'spoken') {
    phase = 'text';
    session.sendMessage('What is the weather in Paris?');
  } else if (phase === 'text' && !called && result.toolRuns > 0 && bargeIn) {
    phase = 'barge-in';
    session.sendMessage('Please tell me a long story about the sea');
  } else if ((phase === 'text' && !called && result.toolRuns > 0) || phase === 'barge-in') {
    if (phase === 'barge-in') {
      result.bargeIn = { status: event.response.status, reason: event.response.status_details?.reason ?? null };
      // What the client sends after a barge-in (a truncate of what was played) must not be refused either: wait a
      // moment for an error before reporting.
      phase = 'done';
      setTimeout(() => {
        console.log(JSON.stringify({ ...result, seen }));
        session.close();
        process.exit(0);
      }, 1000);
      return;
    }
    console.log(JSON.stringify({ ...result, seen }));
    session.close();
    process.exit(0);
  }
});

await session.connect({ apiKey, url });
const audio = Buffer.concat([tone(0.8), Buffer.alloc(2 * 24000 * 1.2)]);
for (let offset = 0; offset < audio.length; offset += 4800) {
  const chunk = audio.subarray(offset, offset + 4800);
  session.sendAudio(chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength));
}
setTimeout(() => {
  console.error('TIMEOUT after ' + seen.join(','));
  process.exit(3);
}, 40000);
