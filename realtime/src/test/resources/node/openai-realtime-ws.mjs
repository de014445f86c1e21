// Drives the façade with the official openai package's OpenAIRealtimeWS, unchanged: a spoken turn, then a tool round
// trip, then (with "barge-in") a long answer the user talks over. Usage: node openai-realtime-ws.mjs <baseURL> <apiKey>
// [barge-in]. Prints one JSON line with what it saw; exits non-zero on an error event or a timeout.
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';

const [baseURL, apiKey, mode] = process.argv.slice(2);
const bargeIn = mode === 'barge-in';
const rt = new OpenAIRealtimeWS({ model: 'assistant' }, new OpenAI({ apiKey, baseURL }));
const seen = [];
const result = { transcripts: [], responses: [], audioBytes: 0, toolCalls: 0 };
let phase = 'spoken';

function tone(seconds, rate = 24000) {
  const samples = Math.round(seconds * rate);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    pcm.writeInt16LE(Math.round(0.3 * 32767 * Math.sin((2 * Math.PI * 220 * i) / rate)), 2 * i);
  }
  return pcm;
}

function append(pcm) {
  for (let offset = 0; offset < pcm.length; offset += 4800) {
    rt.send({ type: 'input_audio_buffer.append', audio: pcm.subarray(offset, offset + 4800).toString('base64') });
  }
}

rt.on('event', (event) => seen.push(event.type));
rt.on('error', (err) => {
  console.error('ERROR ' + JSON.stringify(err.error ?? err.message));
  process.exit(2);
});
rt.socket.on('unexpected-response', (request, response) => {
  console.error('HTTP ' + response.statusCode);
  process.exit(4);
});
rt.socket.on('close', (code, reason) => {
  console.error('CLOSED ' + code + ' ' + reason + ' after ' + seen.join(','));
  process.exit(5);
});
rt.socket.on('open', () => {
  rt.send({
    type: 'session.update',
    session: {
      type: 'realtime',
      model: 'gpt-realtime',
      instructions: 'You are a helpful assistant. Be brief.',
      output_modalities: ['audio'],
      audio: {
        input: { format: { type: 'audio/pcm', rate: 24000 }, turn_detection: { type: 'server_vad', silence_duration_ms: 500 } },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'marin' },
      },
      tools: [
        {
          type: 'function',
          name: 'getWeather',
          description: 'Current weather for a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      ],
      tool_choice: 'auto',
    },
  });
  append(Buffer.concat([tone(0.8), Buffer.alloc(2 * 24000 * 1.2)]));
});
rt.on('conversation.item.input_audio_transcription.completed', (event) => result.transcripts.push(event.transcript));
rt.on('response.output_audio.delta', (event) => {
  result.audioBytes += Buffer.from(event.delta, 'base64').length;
  if (phase === 'barge-in' && !result.interrupted) {
    // The user talks over the answer as soon as it is heard.
    result.interrupted = true;
    append(tone(0.3));
  }
});
rt.on('input_audio_buffer.speech_started', () => {
  if (phase === 'barge-in') {
    result.speechStartedInBargeIn = true;
  }
});
rt.on('response.done', (event) => {
  result.responses.push(event.response.status);
  const call = event.response.output.find((item) => item.type === 'function_call');
  if (phase === 'spoken') {
    phase = 'tool';
    rt.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What is the weather in Paris?' }] },
    });
    rt.send({ type: 'response.create' });
  } else if (call) {
    result.toolCalls++;
    rt.send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: call.call_id, output: JSON.stringify({ temperature: '21 C' }) },
    });
    rt.send({ type: 'response.create' });
  } else if (bargeIn && phase !== 'barge-in') {
    phase = 'barge-in';
    rt.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Please tell me a long story about the sea' }] },
    });
    rt.send({ type: 'response.create' });
  } else {
    if (phase === 'barge-in') {
      result.bargeIn = { status: event.response.status, reason: event.response.status_details?.reason ?? null };
      // What the client sends after a barge-in (a truncate of what was played) must not be refused either: wait a
      // moment for an error before reporting.
      phase = 'done';
      setTimeout(() => {
        console.log(JSON.stringify({ ...result, seen }));
        rt.close();
        process.exit(0);
      }, 1000);
      return;
    }
    console.log(JSON.stringify({ ...result, seen }));
    rt.close();
    process.exit(0);
  }
});
setTimeout(() => {
  console.error('TIMEOUT after ' + seen.join(','));
  process.exit(3);
}, 40000);
