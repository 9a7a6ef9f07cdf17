// The official openai npm package, used the way its README shows, against an Atrium gateway.
// OpenAiNodeClientTest runs it with OPENAI_BASE_URL and OPENAI_API_KEY pointing at a gateway it
// started, and ATRIUM_CHECKS naming the calls to make (comma-separated). Each call prints one JSON
// line saying what the client saw; the test asserts on those lines. Nothing here asserts, and
// nothing prints the key.
import OpenAI, { APIError } from 'openai';

const baseURL = process.env.OPENAI_BASE_URL;
const apiKey = process.env.OPENAI_API_KEY;
if (!baseURL || !apiKey) {
  console.error('OPENAI_BASE_URL and OPENAI_API_KEY must be set');
  process.exit(2);
}
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 30_000 });
const model = 'gpt-5.4-mini';
const prompt = process.env.ATRIUM_PROMPT ?? 'Apa ibu kota Indonesia?';
const messages = [{ role: 'user', content: prompt }];

/** What an error looks like to the caller: its class, and the fields the package parses. */
function seen(e) {
  return {
    name: e?.constructor?.name,
    isAPIError: e instanceof APIError,
    status: e?.status ?? null,
    code: e?.code ?? null,
    type: e?.type ?? null,
    message: String(e?.message ?? e),
    blockReason: e?.headers?.get?.('x-monago-block-reason') ?? null,
    auditId: e?.headers?.get?.('x-monago-audit-id') ?? null,
  };
}

/** Reads a stream with `for await`, as the package's README does, keeping what a caller would. */
async function drain(stream) {
  const out = { chunks: 0, pieces: [], finishReason: null, usage: null, lastChoices: null, governance: null };
  for await (const chunk of stream) {
    out.chunks += 1;
    for (const choice of chunk.choices) {
      if (choice.delta?.content) out.pieces.push(choice.delta.content);
      if (choice.finish_reason) out.finishReason = choice.finish_reason;
    }
    if (chunk.usage) out.usage = chunk.usage;
    out.lastChoices = chunk.choices.length;
    out.governance = chunk.governance ?? null;
  }
  return out;
}

const checks = {
  // A plain call; the governance headers read through .withResponse().
  async plain() {
    const { data, response } = await client.chat.completions.create({ model, messages }).withResponse();
    return {
      content: data.choices[0].message.content,
      usage: data.usage,
      auditId: response.headers.get('x-monago-audit-id'),
      decision: response.headers.get('x-monago-policy-decision'),
      piiRedacted: response.headers.get('x-monago-pii-redacted'),
    };
  },

  // stream: true with usage asked for, read with for await; the headers arrive before the first chunk.
  async stream() {
    const { data, response } = await client.chat.completions
      .create({ model, messages, stream: true, stream_options: { include_usage: true } })
      .withResponse();
    return {
      contentType: response.headers.get('content-type'),
      auditId: response.headers.get('x-monago-audit-id'),
      decision: response.headers.get('x-monago-policy-decision'),
      piiRedacted: response.headers.get('x-monago-pii-redacted'),
      ...(await drain(data)),
    };
  },

  // The package's streaming helper, which builds the whole completion from the chunks.
  async helper() {
    const runner = client.chat.completions.stream({ model, messages, stream_options: { include_usage: true } });
    let events = 0;
    runner.on('content', () => {
      events += 1;
    });
    const completion = await runner.finalChatCompletion();
    return {
      contentEvents: events,
      content: completion.choices[0].message.content,
      finishReason: completion.choices[0].finish_reason,
      usage: completion.usage ?? null,
    };
  },

  // A call policy blocks, not streamed: the package's error for a 400.
  async blocked() {
    try {
      await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'leak SSN 123-45-6789' }] });
      return { error: null };
    } catch (e) {
      return { error: seen(e) };
    }
  },

  // The same with stream: true: refused before any stream starts, so the same error.
  async blockedStream() {
    try {
      const stream = await client.chat.completions.create({
        model,
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'leak SSN 123-45-6789' }],
      });
      return { error: null, ...(await drain(stream)) };
    } catch (e) {
      return { error: seen(e) };
    }
  },

  // A stream that breaks off after it started: the error event surfaces from the for await loop.
  async brokenStream() {
    const stream = await client.chat.completions.create({ model, messages, stream: true });
    const pieces = [];
    try {
      for await (const chunk of stream) {
        for (const choice of chunk.choices) {
          if (choice.delta?.content) pieces.push(choice.delta.content);
        }
      }
      return { pieces, error: null };
    } catch (e) {
      return { pieces, error: seen(e) };
    }
  },
};

const wanted = (process.env.ATRIUM_CHECKS ?? Object.keys(checks).join(',')).split(',').filter(Boolean);
for (const name of wanted) {
  const check = checks[name];
  if (!check) {
    console.log(JSON.stringify({ check: name, unexpected: { message: 'no such check' } }));
    continue;
  }
  try {
    console.log(JSON.stringify({ check: name, ...(await check()) }));
  } catch (e) {
    console.log(JSON.stringify({ check: name, unexpected: seen(e) }));
  }
}
