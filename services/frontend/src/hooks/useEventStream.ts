// Order events over SSE; EventSource reconnects by itself, we only track the connection for the UI.
import { useEffect, useState } from 'react';
import { apiUrl } from '../api/client';
import type { OrderEvent } from '../api/types';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'unsupported';

export function useEventStream(path: string, keep = 20): { events: OrderEvent[]; state: StreamState } {
  const [events, setEvents] = useState<OrderEvent[]>([]);
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('unsupported');
      return;
    }
    const source = new EventSource(apiUrl(path));
    source.onopen = () => setState('open');
    source.onerror = () => setState('reconnecting');
    const onEvent = (e: MessageEvent<string>) => {
      try {
        const event = JSON.parse(e.data) as OrderEvent;
        setEvents((list) => [event, ...list.filter((x) => x.eventId !== event.eventId)].slice(0, keep));
      } catch {
        // heartbeats and foreign payloads are not order events
      }
    };
    source.onmessage = onEvent;
    source.addEventListener('order-status', onEvent as EventListener); // the gateway's named event
    return () => source.close();
  }, [path, keep]);
  return { events, state };
}
