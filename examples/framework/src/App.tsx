import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CivicReportForm, CivicSubmittedEvent } from '@civic-widgets/report-form';
import type { CivicLocationPicker, CivicLocationChangeEvent } from '@civic-widgets/location-picker';

/** Listens to a widget's typed event: the event map gives `detail` its type. */
function useCivicEvent<K extends keyof GlobalEventHandlersEventMap>(
  ref: React.RefObject<HTMLElement | null>,
  type: K,
  listener: (event: GlobalEventHandlersEventMap[K]) => void,
) {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const handle = (event: Event) => latest.current(event as GlobalEventHandlersEventMap[K]);
    element.addEventListener(type, handle);
    return () => element.removeEventListener(type, handle);
  }, [ref, type]);
}

export function App() {
  const report = useRef<CivicReportForm>(null);
  const picker = useRef<CivicLocationPicker>(null);
  const [reference, setReference] = useState<string | null>(null);
  const [place, setPlace] = useState<string>('');
  const [submitted, setSubmitted] = useState<Record<string, string> | null>(null);

  useCivicEvent(report, 'civic-submitted', (event: CivicSubmittedEvent) => setReference(event.detail.serviceRequestId));
  useCivicEvent(picker, 'civic-location-change', (event: CivicLocationChangeEvent) =>
    setPlace(event.detail.address ?? `${event.detail.lat?.toFixed(5)}, ${event.detail.lng?.toFixed(5)}`),
  );

  // The picker is form-associated: its value is in the form's FormData like any input's.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSubmitted(Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)])));
  };

  return (
    <main>
      <h1>Civic Widgets in a React app</h1>
      <section aria-labelledby="report-heading">
        <h2 id="report-heading">Report a pothole</h2>
        {reference && (
          <p className="receipt" role="status">
            The app heard <code>civic-submitted</code>: reference {reference}
          </p>
        )}
        <civic-report-form ref={report} endpoint="/open311/v2" service-code="potholes" phone="01632 960000" />
      </section>
      <section aria-labelledby="form-heading">
        <h2 id="form-heading">A form of our own</h2>
        <form onSubmit={onSubmit} aria-labelledby="form-heading">
          <label htmlFor="event-name">Event name</label>
          <input id="event-name" name="event" defaultValue="Street party" />
          <civic-location-picker ref={picker} name="where" label="Where is the event?" required geocoder="custom" geocoder-url="/api/addresses" />
          {place && <p>Chosen: {place}</p>}
          <button type="submit">Save event</button>
        </form>
        {submitted && (
          <dl aria-label="Submitted form data">
            {Object.entries(submitted).map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </main>
  );
}
