/** Reads a server-sent-event stream on loopback and collects its `data:` events for assertions. */
export async function openEventStream(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  const events: { event?: string; id?: string; data: unknown }[] = [];
  const comments: string[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields: Record<string, string> = {};
        for (const line of frame.split('\n')) {
          if (line.startsWith(':')) comments.push(line.slice(1).trim());
          const match = /^(\w+): ?(.*)$/.exec(line);
          if (match) fields[match[1]!] = match[2]!;
        }
        if (fields.data !== undefined) {
          events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data) });
        }
      }
    }
  })();
  return {
    response: res,
    events,
    comments,
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}
