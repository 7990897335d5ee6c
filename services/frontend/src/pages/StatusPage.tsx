import { useCallback } from 'react';
import { getStatus } from '../api/endpoints';
import { normalizeStatus } from '../api/status';
import { ErrorNotice, Loading } from '../components/feedback';
import { EventFeed, RouteTable, ServiceCards } from '../components/StatusPanels';
import { useEventStream } from '../hooks/useEventStream';
import { usePolling } from '../hooks/usePolling';

export const STATUS_POLL_MS = 2000;

export function StatusPage() {
  const load = useCallback(async (signal: AbortSignal) => normalizeStatus(await getStatus(signal)), []);
  const status = usePolling(load, STATUS_POLL_MS);
  const stream = useEventStream('/api/events');
  return (
    <section aria-labelledby="status-title" className="dashboard">
      <h1 id="status-title">Live status</h1>
      <p className="hint" aria-live="polite">
        {status.updatedAt
          ? `Updated ${new Date(status.updatedAt).toLocaleTimeString()}`
          : 'Waiting for the first update…'}
      </p>
      {status.error !== null && <ErrorNotice error={status.error} />}
      {status.data === null && status.error === null && <Loading label="Loading status…" />}
      {status.data && (
        <>
          <h2>Services</h2>
          <ServiceCards status={status.data} />
          <h2>Routes</h2>
          <RouteTable status={status.data} />
        </>
      )}
      <h2>Order events</h2>
      <EventFeed events={stream.events} state={stream.state} />
    </section>
  );
}
