/**
 * A fetch that answers from a script, for unit tests of what the client does with
 * answers no emulator sends on demand (a proxy's HTML page, a dropped connection).
 */
export type ScriptedAnswer =
  | { status: number; body: unknown }
  | { status: number; text: string }
  | { fail: 'network' };

export interface SentRequest {
  url: string;
  body: string;
}

export function scriptedFetch(answers: ScriptedAnswer[]): typeof fetch & { sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(input), body: String(init?.body ?? '') });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('the script has no more answers');
    if ('fail' in answer) throw new TypeError(`fetch failed for ${String(input)}`);

    const text = 'text' in answer ? answer.text : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status });
  };
  return Object.assign(fake as typeof fetch, { sent });
}
